import fc from "fast-check";
import { headerKey, mapColumns, normalizeHeader, readSourceHeader, targetKey } from "../../src/core/import/headers";
import { chineseNumber, contactGroupOf } from "../../src/core/import/contactGroups";
import { planImport, type ImportPlan, type SourceTable } from "../../src/core/import/planImport";
import { countsText, noteText, reportSheet } from "../../src/core/import/report";
import { CONTACT_COLUMNS } from "../../src/core/contacts/columns";
import type { RawCell, WorkbookModel } from "../../src/core/model/workbookModel";
import type { PlanValue } from "../../src/core/plan/plan";
import { day, makeCustomer, makeModel, makeTable, type Row } from "../support/builders";

const today = day("2026-06-15");
const src = (rows: RawCell[][], name = "名单.csv"): SourceTable => ({ name, rows });
const contactsTable = (rows: Row[]) => ({ ...makeTable("customers", rows, "zh-CN", CONTACT_COLUMNS), sheet: "contacts" as const, sheetName: "联系人" });
const withContacts = (model: WorkbookModel, rows: Row[] = []): WorkbookModel => ({ ...model, contacts: contactsTable(rows) });
const txt = (v: PlanValue | undefined) => (v?.kind === "text" ? v.text : v === undefined ? undefined : v.kind);
const contactRows = (p: ImportPlan): Array<Record<string, string>> => p.contacts.rows.map((r) => Object.fromEntries([...r].map(([k, v]) => [k, txt(v) ?? ""])));

describe("numbered contact headers", () => {
  it.each([
    ["联系人2", 2, "name"], ["电话2", 2, "phone"], ["职位2", 2, "title"], ["角色2", 2, "role"], ["邮箱2", 2, "email"], ["微信2", 2, "wechat"],
    ["手机2", 2, "phone"], ["手机号码3", 3, "phone"], ["联系人姓名2", 2, "name"], ["联系人电话2", 2, "phone"],
    ["第二联系人", 2, "name"], ["第二联系人电话", 2, "phone"], ["第3个联系人手机", 3, "phone"], ["第十二联系人职务", 12, "title"],
    ["联系人(2)", 2, "name"], ["联系人（2）电话", 2, "phone"], ["联系人２", 2, "name"], ["电话２", 2, "phone"], ["联系人二", 2, "name"], ["联系人三微信", 3, "wechat"],
    ["Contact 2", 2, "name"], ["Contact 2 Phone", 2, "phone"], ["contact2_email", 2, "email"], ["Phone 2", 2, "phone"], ["Title 2", 2, "title"],
    ["Role 2", 2, "role"], ["E-mail 2", 2, "email"], ["WeChat 4", 4, "wechat"], ["Mobile 10", 10, "phone"], ["Second contact", 2, "name"],
    ["Second Contact Phone", 2, "phone"], ["3rd contact title", 3, "title"], ["Contact (2) Name", 2, "name"], ["CONTACT 25", 25, "name"],
  ])("%s is contact %d's %s", (header, group, field) => {
    expect(contactGroupOf(normalizeHeader(header))).toEqual({ group, field });
    expect(headerKey("customers", normalizeHeader(header))).toBe(`contact${group}.${field}`);
  });

  it.each([["联系人1", "contact"], ["电话1", "phone"], ["第一联系人", "contact"], ["Contact 1 Email", "email"]])("group 1 (%s) is the customer row's own %s", (header, key) => {
    expect(headerKey("customers", normalizeHeader(header))).toBe(key);
  });

  it.each(["地址2", "备注2", "电话13812345678", "phone二", "联系人0", "客户2", "2025年"])("%s is no contact header", (header) => {
    expect(contactGroupOf(normalizeHeader(header))).toBeNull();
  });

  it("reads Chinese numerals up to 99", () => {
    expect([chineseNumber("二"), chineseNumber("十"), chineseNumber("十二"), chineseNumber("二十三"), chineseNumber("九十九"), chineseNumber("二二"), chineseNumber("")]).toEqual([2, 10, 12, 23, 99, null, null]);
  });

  it("maps a source's groups, keeps a second column for the same field as the user's own, and honours overrides", () => {
    const headers = ["公司名称", "联系人", "电话", "联系人2", "电话2", "手机2", "联系人3", "Phone 3"];
    expect(mapColumns("customers", headers).map((u) => (u.kind === "ours" ? u.key : `user:${u.header}`))).toEqual([
      "name", "contact", "phone", "contact2.name", "contact2.phone", "user:手机2", "contact3.name", "contact3.phone",
    ]);
    const changed = mapColumns("customers", headers, [{ source: "手机2", target: "contact2.phone" }, { source: "电话2", target: "" }, { source: "Phone 3", target: "联系人4电话" }]);
    expect(changed.map((u) => (u.kind === "ours" ? u.key : "user"))).toEqual(["name", "contact", "phone", "contact2.name", "user", "contact2.phone", "contact3.name", "contact4.phone"]);
    expect(targetKey("customers", "contact7.wechat")).toBe("contact7.wechat");
    expect(targetKey("followups", "电话2")).toBeNull();
  });

  it("finds the header row under a title row by its contact headers too", () => {
    expect(readSourceHeader("customers", [["2025年客户名单"], ["客户", "联系人2", "电话2"], ["甲", "李", "1"]]).rowIndex).toBe(1);
  });
});

describe("planImport: extra contacts", () => {
  const HEAD = ["公司名称", "联系人", "手机", "联系人2", "职位2", "角色2", "电话2", "邮箱2", "微信2", "第三联系人", "第三联系人电话"];

  it("places a new customer's contacts under the ID the import assigns, normalised", () => {
    const model = withContacts(makeModel({ customers: [makeCustomer({ id: "KH-202606-004", name: "已有" })] }));
    const plan = planImport(model, src([HEAD, ["甲有限公司", "王总", "13800138000", "李工", "技术总监", "技术", "+86 139-0013-9000 / 0755-12345678", " LI@JIA.CN ", "li_gong", "赵经理", "0755 8888 6666"]]), { kind: "customers", today });
    expect(plan.counts).toMatchObject({ read: 1, added: 1 });
    expect(plan.rows[0]?.get("id")).toEqual({ kind: "text", text: "KH-202606-005" });
    expect([...(plan.rows[0]?.keys() ?? [])].some((k) => k.startsWith("contact") && k !== "contact")).toBe(false);
    expect(contactRows(plan)).toEqual([
      { customerId: "KH-202606-005", name: "李工", title: "技术总监", role: "技术对接人", phone: "13900139000", email: "li@jia.cn", wechat: "li_gong", notes: "其他电话: 0755-12345678" },
      { customerId: "KH-202606-005", name: "赵经理", phone: "0755-88886666" },
    ]);
    expect(plan.contacts.counts).toEqual({ found: 2, added: 2, duplicates: 0, notAdded: 0 });
    expect(plan.report).toEqual([]);
    expect(plan.cellsChanged).toBe((plan.rows[0]?.size ?? 0) + 8 + 3);
  });

  it("writes roles in the workbook's language", () => {
    const model = withContacts(makeModel({ lang: "en-US" }));
    const plan = planImport(model, src([["Company", "Contact 2", "Role 2"], ["Acme", "Li", "决策人"]]), { kind: "customers", today });
    expect(contactRows(plan)[0]?.role).toBe("Decision maker");
  });

  it("keeps a merged customer's contacts and does not add one twice (same phone, or same name without phone)", () => {
    const model = withContacts(makeModel({ customers: [makeCustomer({ id: "KH-202601-001", name: "甲公司", contact: "王总", phone: "13800138000" })] }), [
      { customerId: "KH-202601-001", name: "李工", phone: "139 0013 9000" },
      { customerId: "KH-202601-001", name: "孙总", phone: null },
      { customerId: "KH-202601-002", name: "周工", phone: "13700137000" },
    ]);
    const head = ["公司名称", "联系人2", "电话2", "联系人3", "电话3", "联系人4", "电话4", "联系人5", "联系人6", "电话6"];
    const plan = planImport(model, src([head, ["甲公司", "李工程师", "13900139000", "孙总", "", "王总", "", "周工", "赵工", "13700137000"]]), { kind: "customers", today });
    // Only 周工 (someone else's contact elsewhere) and 赵工 (a phone only another customer's contact has) are new here.
    expect(contactRows(plan).map((r) => r.name)).toEqual(["周工", "赵工"]);
    expect(plan.contacts.counts).toEqual({ found: 5, added: 2, duplicates: 3, notAdded: 0 });
    expect(plan.counts).toMatchObject({ merged: 1, skipped: 0 });
    expect(plan.report[0]?.notes).toEqual(expect.arrayContaining([
      { code: "contactKnown", value: "李工程师" }, { code: "contactKnown", value: "孙总" }, { code: "contactKnown", value: "王总" }, { code: "contactsAdded", count: 2 },
    ]));
    expect(plan.fills).toEqual([]);
  });

  it("importing the same file twice adds no contact the second time", () => {
    const rows = [HEAD, ["甲有限公司", "王总", "13800138000", "李工", "", "", "13900139000", "", "", "赵经理", ""], ["甲公司", "", "", "钱工", "", "", "", "", "", "", ""]];
    const first = planImport(withContacts(makeModel()), src(rows), { kind: "customers", today });
    expect(contactRows(first).map((r) => [r.customerId, r.name])).toEqual([["KH-202606-001", "李工"], ["KH-202606-001", "赵经理"], ["KH-202606-001", "钱工"]]);
    const customers = first.rows.map((r) => Object.fromEntries([...r].map(([k, v]) => [k, v.kind === "text" ? v.text : v.kind === "date" ? v.day : null])));
    const after = withContacts(makeModel({ customers }), contactRows(first));
    const second = planImport(after, src(rows), { kind: "customers", today });
    expect(second.contacts.rows).toEqual([]);
    expect(second.contacts.counts).toEqual({ found: 3, added: 0, duplicates: 3, notAdded: 0 });
    expect(second.counts).toMatchObject({ added: 0, merged: 0, skipped: 2 });
  });

  it("reports bad values by row and column, keeps them verbatim, and reports a nameless contact", () => {
    const plan = planImport(withContacts(makeModel()), src([["2025年名单"], ["公司名称", "联系人2", "电话2", "邮箱2", "角色2", "联系人3", "电话3"], ["甲", "李", "找前台", "li(at)x", "看情况", "", "13900139000"]], "名单.xlsx [Sheet1]"), { kind: "customers", today });
    expect(contactRows(plan)).toEqual([{ customerId: "KH-202606-001", name: "李", phone: "找前台", email: "li(at)x", role: "看情况" }]);
    const r = plan.report[0];
    expect(r).toMatchObject({ sourceRow: 3, outcome: "new", flagged: true });
    expect(r?.notes).toEqual([
      { code: "unclear", column: "电话2", value: "找前台" }, { code: "unclear", column: "邮箱2", value: "li(at)x" }, { code: "unclear", column: "角色2", value: "看情况" },
      { code: "contactNoName", column: "电话3" },
    ]);
    expect(plan.contacts.counts).toEqual({ found: 2, added: 1, duplicates: 0, notAdded: 1 });
    const sheet = reportSheet(plan, "zh-CN", today);
    expect(sheet.rows[4]?.slice(0, 2)).toEqual([{ kind: "text", text: "名单.xlsx [Sheet1]" }, { kind: "number", value: 3 }]);
    expect(txt(sheet.rows[4]?.[4])).toContain("「电话2」的值「找前台」");
    expect(txt(sheet.rows[4]?.[4])).toContain("联系人列 电话3 没有姓名");
    expect(txt(sheet.rows[1]?.[0])).toBe("读取 1 行 = 新增 1 + 合并 0 + 跳过 0,其中 1 行需核对;联系人 2 = 新增到「联系人」表 1 + 已存在 0 + 未添加 1");
  });

  it("a skipped row's contacts are not added, and the row says so", () => {
    const model = withContacts(makeModel({ customers: [makeCustomer({ id: "KH-202601-001", name: "甲公司" })] }));
    const rows = [["公司名称", "联系人2"], ["甲公司", "李"], ["", "赵"]];
    const plan = planImport(model, src(rows), { kind: "customers", today, onDuplicate: "skip" });
    expect(plan.contacts.rows).toEqual([]);
    expect(plan.report.map((r) => r.notes.at(-1))).toEqual([{ code: "contactsNotAdded", count: 1 }, { code: "contactsNotAdded", count: 1 }]);
    expect(noteText({ code: "contactsNotAdded", count: 1 }, "en-US")).toBe("its 1 contacts were not added either");
  });

  it("a matched customer without an ID gets no contacts, reported", () => {
    const model = withContacts(makeModel({ customers: [makeCustomer({ id: null, name: "甲公司" })] }));
    const plan = planImport(model, src([["公司名称", "联系人2"], ["甲公司", "李"]]), { kind: "customers", today });
    expect(plan.contacts.rows).toEqual([]);
    expect(plan.report[0]?.notes).toContainEqual({ code: "contactsNoCustomerId", count: 1 });
  });

  it("without a Contacts table the groups are kept as the user's own columns", () => {
    const plan = planImport(makeModel(), src([["公司名称", "联系人2", "电话2"], ["甲", "李", "13900139000"]]), { kind: "customers", today });
    expect(plan.newColumns).toEqual(["联系人2", "电话2"]);
    expect(plan.rows[0]?.get("user:电话2")).toEqual({ kind: "text", text: "13900139000" });
    expect(plan.contacts).toMatchObject({ rows: [], tableMissing: true });
    expect(countsText(plan, "en-US")).toContain("this workbook has no \"Contacts\" sheet");
  });

  it("property: every source contact is added, skipped as a duplicate, or reported", () => {
    const names = ["甲有限公司", "甲公司", "乙", "", "丙集团"];
    const people = ["", "李工", "王总", "赵经理"];
    const phones = ["", "13900139000", "13800138000", "找前台", "0755-12345678"];
    const group = fc.tuple(fc.constantFrom(...people), fc.constantFrom(...phones), fc.constantFrom("", "决策人", "看情况"));
    const row = fc.tuple(fc.constantFrom(...names), fc.constantFrom("", "13800138000"), group, group);
    fc.assert(fc.property(fc.array(row, { maxLength: 10 }), fc.constantFrom("fill", "skip", "new"), (data, mode) => {
      const rows: RawCell[][] = [["公司名称", "手机", "联系人2", "电话2", "角色2", "Contact 3", "Phone 3", "Role 3"], ...data.map(([n, p, a, b]) => [n, p, ...a, ...b])];
      const model = withContacts(makeModel({ customers: [makeCustomer({ id: "KH-202606-001", name: "甲公司", contact: "王总", phone: "13800138000" })] }), [{ customerId: "KH-202606-001", name: "李工", phone: "13900139000" }]);
      const plan = planImport(model, src(rows), { kind: "customers", today, onDuplicate: mode as "fill" });
      const c = plan.contacts.counts;
      const groups = data.flatMap(([, , a, b]) => [a, b]).filter((g) => g.some((x) => x !== "")).length;
      expect(c.found).toBe(groups);
      expect(c.added + c.duplicates + c.notAdded).toBe(c.found);
      expect(plan.contacts.rows.length).toBe(c.added);
      // Each one not added or a duplicate is on the report, on its row.
      const noted = plan.report.flatMap((r) => r.notes).reduce((n, x) => n + (x.code === "contactKnown" || x.code === "contactNoName" ? 1 : x.code === "contactsNotAdded" || x.code === "contactsNoCustomerId" ? x.count : 0), 0);
      expect(noted).toBe(c.duplicates + c.notAdded);
      // No customer gets the same person twice.
      const seen = new Set<string>();
      for (const r of contactRows(plan)) {
        // An unreadable phone is no phone: such contacts are told apart by name.
        const digits = (r.phone ?? "").replace(/\D/g, "");
        const k = `${r.customerId}|${digits !== "" ? digits : r.name}`;
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }), { numRuns: 150 });
  });
});
