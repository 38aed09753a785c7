import fc from "fast-check";
import { IdAllocator, parseCustomerId } from "../../src/core/ids/customerId";
import { isPrcIdNumber, findPrcIdNumbers, maskPhone, isValidPhone, isValidEmail } from "../../src/core/checks/privacy";
import { check } from "../../src/core/usecases/check";
import { normalizeCompanyName } from "../../src/core/checks/duplicates";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../../src/core/template/columns";
import { LISTS } from "../../src/core/template/lists";
import { guideRows } from "../../src/core/template/guide";
import { planInstall } from "../../src/core/usecases/planInstall";
import { LANGS } from "../../src/core/i18n/lang";
import { day, makeCustomer, makeFollowUp, makeModel } from "../support/builders";

describe("customer IDs", () => {
  it("continues the month's sequence from the highest existing ID, in either format", () => {
    const a = new IdAllocator(["KH-202605-007", "KH-202605002", "KH-202604-050", "别的编号"]);
    expect(a.next(day("2026-05-10"))).toBe("KH-202605-008");
    expect(a.next(day("2026-05-31"))).toBe("KH-202605-009");
    expect(a.next(day("2026-06-01"))).toBe("KH-202606-001");
  });
  it("goes to four digits past 999", () => {
    expect(new IdAllocator(["KH-202605-999"]).next(day("2026-05-01"))).toBe("KH-202605-1000");
  });
  it("parses both formats", () => {
    expect(parseCustomerId("KH-202405001")).toEqual({ month: "202405", seq: 1 });
    expect(parseCustomerId("kh-202405-012")).toEqual({ month: "202405", seq: 12 });
    expect(parseCustomerId("ABC2024001")).toBeNull();
  });
  it("never collides (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1200 })), { maxLength: 50 }),
      fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 60 }),
      (existing, months) => {
        const ids = existing.map(([m, s]) => `KH-2026${String(m).padStart(2, "0")}-${String(s).padStart(3, "0")}`);
        const a = new IdAllocator(ids);
        const made = months.map((m) => a.next(day(`2026-${String(m).padStart(2, "0")}-01`)));
        expect(new Set([...ids, ...made]).size).toBe(new Set(ids).size + made.length);
      }));
  });
});

describe("privacy", () => {
  it("masks phones for display", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("021-62345678")).toBe("021-****5678");
  });
  it("recognises checksum-valid PRC ID numbers only", () => {
    expect(isPrcIdNumber("11010519491231002X")).toBe(true);
    expect(isPrcIdNumber("110105194912310021")).toBe(false);
    expect(findPrcIdNumbers("身份证 11010519491231002X 已登记")).toEqual(["11010519491231002X"]);
  });
  it.each([["13812345678", true], ["+86 138 1234 5678", true], ["021-62345678", true], ["0755-8888888", true], ["400-800-1234", true], ["1381234567", false], ["12345678901", false], ["abc", false]])("phone %s valid: %s", (p, ok) => {
    expect(isValidPhone(p)).toBe(ok);
  });
  it.each([["wang@mingyuan.com", true], ["wang@mingyuan", false], ["wang mingyuan.com", false]])("e-mail %s valid: %s", (e, ok) => {
    expect(isValidEmail(e)).toBe(ok);
  });
});

describe("data check", () => {
  const today = day("2026-05-20");
  const codes = (issues: ReturnType<typeof check>) => issues.map((i) => `${i.code}@${i.row}:${i.columnKey}`);
  it("finds each kind of problem, with sheet, row and column", () => {
    const m = makeModel({
      customers: [
        makeCustomer({ id: "KH-202601-001", name: "上海明远精密机械有限公司", phone: "13812345678" }),
        makeCustomer({ id: "KH-202601-001", name: "上海明远精密机械(中国)有限公司", phone: "138 1234 5678" }),
        makeCustomer({ id: "KH-202601-003", industry: null, phone: "12345", email: "bad@", closeDate: day("2026-05-01"), amount: 500 }),
        makeCustomer({ id: "KH-202601-004", phone: null, wechat: null, email: null, notes: "客户身份证 11010519491231002X", amount: -1 }),
      ],
      followUps: [makeFollowUp({ customerId: "KH-209901-001" }), makeFollowUp({ customerId: "KH-202601-001", date: day("2026-06-01") })],
    });
    const issues = check(m, today);
    expect(codes(issues)).toEqual(expect.arrayContaining([
      "duplicateId@3:id", "likelyDuplicateName@3:name", "likelyDuplicatePhone@3:phone",
      "missingRequired@4:industry", "phoneMalformed@4:phone", "emailMalformed@4:email", "closeDatePassed@4:closeDate", "amountTooSmall@4:amount",
      "noContactMethod@5:phone", "idNumberStored@5:notes", "negativeAmount@5:amount",
      "unknownCustomerId@2:customerId", "futureFollowUp@3:date",
    ]));
    const id = issues.find((i) => i.code === "idNumberStored");
    expect(id).toMatchObject({ sheetName: "客户信息", column: "备注", value: "110105********002X" });
  });
  it("is quiet on clean data", () => {
    expect(check(makeModel({ customers: [makeCustomer()], followUps: [] }), today)).toEqual([]);
  });
  it("normalises company names", () => {
    expect(normalizeCompanyName("上海明远（中国）股份有限公司")).toBe(normalizeCompanyName("上海明远 有限责任公司"));
  });
});

describe("template definitions", () => {
  const all = [...CUSTOMER_COLUMNS, ...FOLLOWUP_COLUMNS];
  it.each(LANGS)("every prompt and alert fits Excel's limits in %s", (lang) => {
    for (const c of all) {
      if (c.prompt) {
        expect(c.prompt.title[lang].length).toBeLessThanOrEqual(32);
        expect(c.prompt.text[lang].length).toBeLessThanOrEqual(255);
        expect(c.prompt.text[lang].trim()).not.toBe("");
      }
      if (c.error) expect(c.error[lang].length).toBeLessThanOrEqual(224);
      expect(c.header[lang].length).toBeLessThanOrEqual(32);
    }
    for (const v of planInstall(lang).validations) {
      if (v.prompt) {
        expect(v.prompt.title.length).toBeLessThanOrEqual(32);
        expect(v.prompt.text.length).toBeLessThanOrEqual(255);
      }
      if (v.error) {
        expect(v.error.title.length).toBeLessThanOrEqual(32);
        expect(v.error.text.length).toBeLessThanOrEqual(224);
      }
    }
  });
  it("every user column has a prompt with an example or a list", () => {
    for (const c of all.filter((x) => !x.derived)) expect(c.prompt).toBeDefined();
  });
  it("lists: 20 GB/T 4754 sections, 34 provinces, labels in both languages", () => {
    const byKey = Object.fromEntries(LISTS.map((l) => [l.key, l]));
    expect(byKey.industry?.entries).toHaveLength(20);
    expect(byKey.industry?.entries.map((e) => e["zh-CN"][0]).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
    expect(byKey.province?.entries).toHaveLength(34);
    for (const l of LISTS) for (const e of l.entries) expect(e["zh-CN"] && e["en-US"]).toBeTruthy();
  });
  it("an inline list source stays under Excel's 255 characters", () => {
    for (const v of planInstall("zh-CN").validations) if (v.rule.kind === "list" && !v.rule.source.startsWith("=")) expect(v.rule.source.length).toBeLessThan(255);
  });
  it("the Guide describes every column, in both languages", () => {
    for (const lang of LANGS) {
      const rows = guideRows(lang);
      const described = rows.filter((r) => r.kind === "column").map((r) => (r.kind === "column" ? r.cells[1] : ""));
      for (const c of all) expect(described).toContain(c.header[lang]);
      for (const r of rows) if (r.kind === "column") expect(r.cells[3]).not.toBe("");
    }
  });
});
