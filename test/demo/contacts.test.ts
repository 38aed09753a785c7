import { parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { generateDemo } from "../../src/core/demo/story";
import { GIVEN_NAMES, SURNAMES } from "../../src/core/demo/people";
import { demoContactRows } from "../../src/core/contacts/demoContacts";
import { CONTACT_COLUMNS } from "../../src/core/contacts/columns";
import { DEFAULT_CALENDAR } from "../../src/core/usecases/grade";
import type { PlanValue } from "../../src/core/plan/plan";

const demo = generateDemo({ customers: 300, today: parseIsoDay("2026-12-01") as DayNumber, seed: 20260501, calendar: DEFAULT_CALENDAR });
const at = (key: string) => CONTACT_COLUMNS.findIndex((c) => c.key === key);
const textOf = (v: PlanValue | undefined) => (v && v.kind === "text" ? v.text : null);
const FULL_NAME = new RegExp(`^(${SURNAMES.map((s) => s[0]).join("|")})(${GIVEN_NAMES.map((g) => g[0]).join("|")})$`);

describe.each(["zh-CN", "en-US"] as const)("%s demo decision makers", (lang) => {
  const rows = demoContactRows(demo, lang);
  const main = new Map(demo.customers.map((s) => [s.id, s.contact.name]));
  it("are named in full, as the main contact is (周总 is how a rep addresses the boss, not a name an English sheet can read)", () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect(textOf(r[at("name")])).toMatch(FULL_NAME);
  });
  it("never carry the name of the customer's own main contact", () => {
    for (const r of rows) expect(textOf(r[at("name")])).not.toBe(main.get(textOf(r[at("customerId")]) ?? ""));
  });
});
