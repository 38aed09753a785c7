import { checkContacts } from "../../src/core/contacts/checkContacts";
import { readContacts, contactsByCustomer } from "../../src/core/contacts/readContacts";
import { CONTACT_COLUMNS } from "../../src/core/contacts/columns";
import { check } from "../../src/core/usecases/check";
import { planInstall } from "../../src/core/usecases/planInstall";
import { day, makeCustomer, makeModel, makeTable, type Row } from "../support/builders";

const today = day("2026-05-20");
const A = { fit: "高", intent: "高" };
const B = { fit: "中", intent: "中" };
const C = { fit: "低", intent: "低" };

function contactsTable(rows: Row[]) {
  return { ...makeTable("customers", rows, "zh-CN", CONTACT_COLUMNS), sheet: "contacts" as const, sheetName: "联系人" };
}
function issues(customers: Row[], contacts: Row[] = []) {
  return checkContacts({ ...makeModel({ customers }), contacts: contactsTable(contacts) }, today);
}

describe("the decision-maker check", () => {
  it.each([
    ["an open A customer", { ...A }, true],
    ["an open B customer", { ...B }, true],
    ["a C customer", { ...C }, false],
    ["a to-assess customer", {}, false],
    ["a won customer", { ...A, stage: "已成交" }, false],
    ["a lost customer", { ...A, stage: "输单" }, false],
    ["an A customer whose row names a 决策人", { ...A, role: "决策人" }, false],
    ["an A customer whose row names a Decision maker", { ...A, role: "Decision maker" }, false],
    ["an A customer whose row names a 采购对接人", { ...A, role: "采购对接人" }, true],
    ["a C customer raised to A by hand", { ...C, gradeOverride: "A" }, true],
  ])("%s: flagged %s", (_what, over, flagged) => {
    const got = issues([makeCustomer({ id: "KH-1", ...over })]);
    expect(got.filter((i) => i.code === "noDecisionMaker").map((i) => [i.row, i.columnKey])).toEqual(flagged ? [[2, "role"]] : []);
  });
  it("a 决策人 on the Contacts sheet satisfies it, matched by ID whatever the case", () => {
    const got = issues([makeCustomer({ id: "KH-1", ...A }), makeCustomer({ id: "KH-2", ...A })], [
      { customerId: "kh-1", name: "李总", role: "决策人" },
      { customerId: "KH-2", name: "王工", role: "技术对接人" },
    ]);
    expect(got.filter((i) => i.code === "noDecisionMaker").map((i) => i.row)).toEqual([3]);
    expect(got.find((i) => i.code === "noDecisionMaker")?.value).toBe("A");
  });
  it("checks the contacts' own cells: phone, e-mail, role, customer ID, name", () => {
    const got = checkContacts({ ...makeModel({ customers: [makeCustomer({ id: "KH-1" })] }), contacts: contactsTable([
      { customerId: "KH-1", name: "李总", phone: "12345", email: "li-at-x", role: "老板" },
      { customerId: "KH-404", name: "" },
    ]) }, today);
    expect(got.filter((i) => i.sheet === "contacts").map((i) => [i.code, i.row])).toEqual([
      ["unknownLabel", 2], ["phoneMalformed", 2], ["emailMalformed", 2], ["unknownCustomerId", 3], ["missingRequired", 3],
    ]);
  });
  it("is part of the data check", () => {
    const m = makeModel({ customers: [makeCustomer({ id: "KH-1", ...A })] });
    expect(check(m, today).map((i) => i.code)).toContain("noDecisionMaker");
  });
  it("a workbook without a Contacts table is checked on the customer rows alone", () => {
    expect(checkContacts(makeModel({ customers: [makeCustomer({ ...A, role: "决策人" })] }), today)).toEqual([]);
  });
});

describe("reading contacts", () => {
  it("groups by customer, main contacts first, and reads the role in either language", () => {
    const list = readContacts(contactsTable([
      { customerId: "KH-1", name: "王工", role: "Technical" },
      {},
      { customerId: "KH-1", name: "李总", role: "决策人", primary: "是", phone: "13812345678" },
    ]));
    expect(list.map((c) => [c.name, c.role, c.primary])).toEqual([["王工", "technical", false], ["李总", "decisionMaker", true]]);
    expect(contactsByCustomer(list).get("KH-1")?.map((c) => c.name)).toEqual(["李总", "王工"]);
  });
});

describe("the Contacts table in the template", () => {
  it.each(["zh-CN", "en-US"] as const)("%s: installed with a customer-name lookup and validated phones", (lang) => {
    const p = planInstall(lang);
    const sheet = p.sheets.find((s) => s.key === "contacts");
    const t = sheet?.tables[0];
    expect(t?.name).toBe("CRM_Contacts");
    expect(t?.headers.slice(0, 3)).toEqual(lang === "zh-CN" ? ["客户编号*", "客户名称", "姓名*"] : ["Customer ID*", "Customer name", "Name*"]);
    expect(t?.calculated[1]).toMatch(/^=IF\(\$A\{row\}="","",IFERROR\(INDEX\('.+'!\$B:\$B,MATCH\(\$A\{row\},'.+'!\$A:\$A,0\)\),""\)\)$/);
    const v = (col: string) => p.validations.find((x) => x.sheet === "contacts" && x.range.startsWith(`${col}2:`));
    expect(v("F")?.rule).toEqual({ kind: "textLength", min: 7, max: 20 });
    expect(v("A")?.error?.style).toBe("warning");
    expect(v("I")?.rule).toEqual({ kind: "list", source: lang === "zh-CN" ? "是,否" : "Yes,No" });
    expect(v("E")?.rule).toEqual({ kind: "list", source: "=CRM_List_Role" });
  });
  it("the Guide explains the pool, handover and contacts, and that only these write Owner cells", () => {
    const p = planInstall("zh-CN");
    const guide = p.sheets.find((s) => s.key === "guide")?.guide ?? [];
    const text = guide.map((r) => (r.kind === "column" ? r.cells.join(" ") : r.text)).join("\n");
    expect(text).toContain("A类30天、B类45天、C类60天、待评估60天");
    expect(text).toContain("是仅有的会修改您填写的单元格");
    expect(text).toMatch(/联系人 .*姓名/);
    expect(text).toContain("距释放(天)");
  });
});
