/**
 * The builders that turn one line of data into a rule or a set of columns: what each line states
 * lands in the definition, what it does not state comes from the range or the shared fields.
 */
import { amount, cadence, daysAhead, period, ranged, toggle, withinYear } from "../../src/core/rules/ruleRanges";
import { RULE_DEFS, type RuleKey } from "../../src/core/rules/ruleDefs";
import { CATALOGUES } from "../../src/core/i18n/catalogue";
import { LANGS } from "../../src/core/i18n/lang";
import { columnOf } from "../../src/core/template/columnDef";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { CONTACT_COLUMNS, personColumns } from "../../src/core/contacts/columns";

describe("rule ranges", () => {
  it("a ranged row is its key and default in the range's kind and bounds, its words the catalogue's", () => {
    const r = ranged("integer", 2, 9)("cadenceB", 5);
    expect(r).toMatchObject({ key: "cadenceB", kind: "integer", defaultValue: 5, min: 2, max: 9 });
    for (const lang of LANGS) expect(r.label[lang]).toBe((CATALOGUES[lang].rules as Readonly<Record<string, string>>)["cadenceB.label"]);
    // No defined name unless the row gives one: only the rows a formula reads have a name.
    expect("name" in r).toBe(false);
    expect(period("dormantDays", 180, "CRM_DormantDays").name).toBe("CRM_DormantDays");
  });
  it("a toggle is a switch stored as 0 to 1", () => {
    expect(toggle("workdayAdjust", false)).toMatchObject({ kind: "switch", defaultValue: false, min: 0, max: 1 });
  });
  it.each([
    ["amount", amount, ["importanceA", "importanceB", "highValueWon", "potentialAmount"]],
    ["daysAhead", daysAhead, ["urgencyADays", "urgencyBDays", "potentialCloseDays", "releaseWarn"]],
    ["period", period, ["dormantDays", "riskWindowDays", "highValueWindowDays", "releaseA", "releaseB", "releaseC", "releaseToAssess"]],
    ["withinYear", withinYear, ["firstContactDays", "complaintCallbackDays"]],
    ["cadence", cadence, ["cadenceA", "cadenceB", "cadenceC", "cadenceToAssess", "cadenceMaintenance"]],
  ] as const)("every %s rule on the Rules sheet has that range's kind and bounds", (_name, range, keys: readonly RuleKey[]) => {
    const probe = range(keys[0] ?? "cadenceA", 1);
    for (const key of keys) expect(RULE_DEFS.find((r) => r.key === key)).toMatchObject({ kind: probe.kind, min: probe.min, max: probe.max });
  });
});

describe("person columns", () => {
  const fields = ["title", "role", "phone", "wechat", "email"];
  it("the customer row's main contact and a Contacts row hold the same person fields, in the same order", () => {
    const at = (cols: readonly { key: string }[], first: string) => cols.map((c) => c.key).slice(cols.findIndex((c) => c.key === first), cols.findIndex((c) => c.key === first) + 6);
    expect(at(CUSTOMER_COLUMNS, "contact")).toEqual(["contact", ...fields]);
    expect(at(CONTACT_COLUMNS, "name")).toEqual(["name", ...fields]);
    for (const key of fields) {
      const a = CUSTOMER_COLUMNS.find((c) => c.key === key);
      const b = CONTACT_COLUMNS.find((c) => c.key === key);
      expect({ type: a?.type, list: a?.list, required: a?.required }).toEqual({ type: b?.type, list: b?.list, required: b?.required });
    }
  });
  it("takes each header from its own table's words, and the title's width from the caller", () => {
    const [name, title] = personColumns(columnOf("contacts"), "name", 15);
    expect(name?.header).toEqual(CONTACT_COLUMNS.find((c) => c.key === "name")?.header);
    expect(title?.width).toBe(15);
    expect(CUSTOMER_COLUMNS.find((c) => c.key === "contact")?.header["zh-CN"]).not.toBe(name?.header["zh-CN"]);
  });
});
