import { validationTitle, VALIDATION_TITLE_MAX } from "../../src/core/template/validationTitle";

describe("validationTitle", () => {
  it.each([
    ["fits as it is", "Potential - close after (days)", "Potential - close after (days)"],
    ["exactly 32 characters", "x".repeat(31) + "y", "x".repeat(31) + "y"],
    ["cut at the last space that leaves room for the ellipsis", "A label far too long to be a validation title", "A label far too long to be a…"],
    ["no space: cut at a character", "潜".repeat(40), `${"潜".repeat(31)}…`],
    ["never half a surrogate pair", `${"a".repeat(30)}𠀀bcd`, `${"a".repeat(30)}…`],
  ])("%s", (_why, text, title) => {
    expect(validationTitle(text)).toBe(title);
    expect(validationTitle(text).length).toBeLessThanOrEqual(VALIDATION_TITLE_MAX);
  });
});
