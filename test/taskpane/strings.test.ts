import en from "../../src/taskpane/strings/en-US.json";
import zh from "../../src/taskpane/strings/zh-CN.json";
import { format } from "../../src/taskpane/strings";

describe("task pane strings", () => {
  it("every key exists in both languages, non-empty", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) expect([k, v.trim() !== ""]).toEqual([k, true]);
  });
  it("placeholders match between languages", () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as Array<keyof typeof en>) expect([k, ph(zh[k])]).toEqual([k, ph(en[k])]);
  });
  it("formats placeholders", () => {
    expect(format("第 {row} 行,下次 {next}", { row: 3, next: "5月1日" })).toBe("第 3 行,下次 5月1日");
  });
});
