/**
 * The Import page of the built task pane in headless Chromium, on the strict Excel double, in both
 * languages: a list on its own sheet selected, read, one mapping changed, previewed, imported, and
 * the report sheet selected at the end. Screenshots go to test-output/screenshots.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import iconv from "iconv-lite";
import { openPage } from "../browser/pages";
import { axe } from "../browser/axe";
import { harnessSuite, SHOTS as shots } from "../browser/harness";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { columnLetter } from "../../src/core/_lib/a1";

jest.setTimeout(180_000);

const pane = harnessSuite();
const open = (lang: "zh-CN" | "en-US"): Promise<Page> => pane.open(lang, { now: "2026-06-15T10:00:00", height: 1100 });

interface DoubleView { cell: (s: string, a: string) => { v: unknown; nf: string } | undefined; store: { selection: { sheetId: string } | null; sheetById: (id: string) => { name: string } | undefined } }
const cell = (page: Page, sheet: string, a1: string) => page.evaluate(([s, a]) => (window as unknown as { crmDouble: DoubleView }).crmDouble.cell(s as string, a as string)?.v ?? null, [sheet, a1]);
const selectedSheet = (page: Page) => page.evaluate(() => {
  const d = (window as unknown as { crmDouble: DoubleView }).crmDouble;
  return d.store.selection ? (d.store.sheetById(d.store.selection.sheetId)?.name ?? null) : null;
});

/** A team's list typed on a sheet of its own, selected, as a user does before opening the page. */
async function typeList(page: Page, rows: Array<Array<string | number>>): Promise<void> {
  await page.evaluate(async (grid) => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("List");
      const range = ws.getRangeByIndexes(0, 0, grid.length, (grid[0] ?? []).length);
      range.values = grid;
      ws.activate();
      range.select();
      await context.sync();
    });
  }, rows);
}

const CASES = [
  {
    lang: "zh-CN" as const, install: "安装模板", installed: /已安装模板版本 \d+/, tab: "导入", read: "读取来源", customers: "客户信息", report: "导入报告",
    existing: "上海明远精密机械有限公司", mapTo: "核心需求", counts: "读取 3 行 = 新增 1 + 合并 1 + 跳过 1", done: /导入完成/,
    list: [["2025年客户名单", "", "", "", ""], ["公司名称", "联系人", "手机", "阶段", "经营范围"], ["上海明远精密机械有限公司", "赵总", "138 1234 5678", "洽谈中", "机床"], ["深圳星河科技有限公司", "李总", 13900139000, "考虑中", "SaaS"], ["", "孙", "", "", ""]],
  },
  {
    lang: "en-US" as const, install: "Install template", installed: /Template version \d+ is installed/, tab: "Import", read: "Read the source", customers: "Customers", report: "Import report",
    existing: "Mingyuan Precision Machinery Co., Ltd.", mapTo: "Core need", counts: "read 3 = new 1 + merged 1 + skipped 1", done: /Imported:/,
    list: [["Our 2025 leads", "", "", "", ""], ["Company", "Contact", "Mobile", "Stage", "Business"], ["Mingyuan Precision Machinery Co., Ltd.", "Zhao", "138 1234 5678", "Negotiating", "lathes"], ["Xinghe Tech Ltd", "Li", 13900139000, "thinking", "SaaS"], ["", "Sun", "", "", ""]],
  },
];

describe("the Import page in Chromium", () => {
  it.each(CASES)("$lang: read the selection, change a mapping, preview, import, report selected", async (c) => {
    const page = await open(c.lang);
    await page.getByRole("button", { name: c.install }).click();
    await page.getByText(c.installed).waitFor();
    const lang = c.lang;
    await page.evaluate(([name, l]) => {
      (window as unknown as { crmSeed: (t: string, r: object[]) => void }).crmSeed("CRM_Customers", [
        { id: "KH-202601-001", name, industry: l === "zh-CN" ? "C 制造业" : "C Manufacturing", contact: l === "zh-CN" ? "王经理" : "Wang", stage: l === "zh-CN" ? "新线索" : "Lead", owner: "Ann", created: 46030 },
      ]);
    }, [c.existing, lang]);
    await typeList(page, c.list);

    await openPage(page, c.tab);
    await page.getByRole("button", { name: c.read }).click();
    await page.getByText(c.counts).waitFor();
    const business = c.list[1]?.[4] as string;
    const select = page.getByRole("combobox", { name: new RegExp(`: ${business}$`) });
    expect(await select.inputValue()).toBe("");
    await page.screenshot({ path: path.join(shots, `${lang}-import-1-preview.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);

    // The user's own column becomes Core need instead: the preview follows.
    await select.selectOption({ label: c.mapTo });
    await page.waitForFunction((name) => {
      const el = [...document.querySelectorAll("select")].find((s) => (s.getAttribute("aria-label") ?? "").endsWith(`: ${name}`));
      return el !== undefined && el.value === "need" && !el.disabled;
    }, business);
    await page.getByRole("button", { name: c.tab, exact: true }).click();
    await page.getByText(c.done).first().waitFor();
    await page.screenshot({ path: path.join(shots, `${lang}-import-2-done.png`), fullPage: true });

    expect(await selectedSheet(page)).toBe(c.report);
    expect(await cell(page, c.customers, "B3")).toBe(c.list[3]?.[0]);
    expect(await cell(page, c.customers, "P3")).toBe("13900139000");
    expect(await cell(page, c.customers, "S2")).toBe(c.list[2]?.[4]);
    expect(await cell(page, c.customers, "S3")).toBe("SaaS");
    expect(await cell(page, c.customers, "M2")).toBe(lang === "zh-CN" ? "王经理" : "Wang");
    expect(await cell(page, c.customers, `${columnLetter(CUSTOMER_COLUMNS.length + 1)}1`)).toBeNull();
    expect(await cell(page, c.report, "C5")).toBe(lang === "zh-CN" ? "合并" : "Merged");
    await page.close();
  });

  it.each([
    {
      lang: "zh-CN" as const, install: "安装模板", installed: /已安装模板版本 \d+/, tab: "导入", read: "读取来源", sheet: "联系人", done: /导入完成/,
      list: [["公司名称", "联系人", "手机", "联系人2", "电话2", "微信号码"], ["甲有限公司", "王总", "13800138000", "李工", "139 0013 9000", "li_gong"]],
      counts: "联系人 1 = 新增到「联系人」表 1 + 已存在 0 + 未添加 0", target: "联系人2 · 微信", phoneTarget: "联系人2 · 电话", group: "联系人:「联系人」表",
    },
    {
      lang: "en-US" as const, install: "Install template", installed: /Template version \d+ is installed/, tab: "Import", read: "Read the source", sheet: "Contacts", done: /Imported:/,
      list: [["Company", "Contact", "Mobile", "Contact 2", "Phone 2", "WeChat ID"], ["Acme Ltd", "Wang", "13800138000", "Li", "139 0013 9000", "li_gong"]],
      counts: "contacts 1 = added to the \"Contacts\" sheet 1 + already there 0 + not added 0", target: "Contact 2 · WeChat", phoneTarget: "Contact 2 · Phone", group: "Contacts: the \"Contacts\" sheet",
    },
  ])("$lang: numbered contact columns shown as Contacts targets, one changed, placed on the Contacts sheet", async (c) => {
    const page = await open(c.lang);
    await page.getByRole("button", { name: c.install }).click();
    await page.getByText(c.installed).waitFor();
    await typeList(page, c.list);
    await openPage(page, c.tab);
    await page.getByRole("button", { name: c.read }).click();
    await page.getByText(c.counts).waitFor();
    const phone = page.getByRole("combobox", { name: new RegExp(`: ${c.list[0]?.[4]}$`) });
    expect(await phone.inputValue()).toBe("contact2.phone");
    expect(await phone.locator("option:checked").textContent()).toBe(c.phoneTarget);
    expect(await phone.locator("option:checked").evaluate((o) => (o.parentElement as HTMLOptGroupElement).label)).toBe(c.group);
    // The WeChat column's header is not one we know: the user sends it to contact 2.
    const wechat = page.getByRole("combobox", { name: new RegExp(`: ${c.list[0]?.[5]}$`) });
    expect(await wechat.inputValue()).toBe("");
    await wechat.selectOption({ label: c.target });
    await page.waitForFunction((name) => {
      const el = [...document.querySelectorAll("select")].find((s) => (s.getAttribute("aria-label") ?? "").endsWith(`: ${name}`));
      return el !== undefined && el.value === "contact2.wechat" && !el.disabled;
    }, c.list[0]?.[5] as string);
    await page.screenshot({ path: path.join(shots, `${c.lang}-import-4-contacts-preview.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: c.tab, exact: true }).click();
    await page.getByText(c.done).first().waitFor();
    expect(await page.getByText(c.counts).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, `${c.lang}-import-5-contacts-done.png`), fullPage: true });
    expect(await cell(page, c.sheet, "A2")).toBe("KH-202606-001");
    expect(await cell(page, c.sheet, "C2")).toBe(c.list[1]?.[3]);
    expect(await cell(page, c.sheet, "F2")).toBe("13900139000");
    expect(await cell(page, c.sheet, "G2")).toBe("li_gong");
    await page.close();
  });

  it("zh-CN: a GBK CSV picked from disk", async () => {
    const page = await open("zh-CN");
    await page.getByRole("button", { name: "安装模板" }).click();
    await page.getByText(/已安装模板版本 \d+/).waitFor();
    await openPage(page, "导入");
    await page.getByRole("radio", { name: "磁盘上的 CSV 文件" }).check();
    const csv = iconv.encode("2025年名单\r\n公司名称\t联系人\t手机\r\n\"甲\t乙公司\"\t王\t13800138000\r\n丙公司\t李\t\r\n", "gbk");
    await page.locator("input[type=file]").setInputFiles({ name: "名单.csv", mimeType: "text/csv", buffer: csv });
    await page.getByRole("button", { name: "读取来源" }).click();
    await page.getByText("读取 2 行 = 新增 2 + 合并 0 + 跳过 0,其中 0 行需核对").waitFor();
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await page.getByText(/导入完成/).first().waitFor();
    expect(await cell(page, "客户信息", "B2")).toBe("甲\t乙公司");
    expect(await cell(page, "客户信息", "P2")).toBe("13800138000");
    expect(await selectedSheet(page)).toBe("导入报告");
    await page.screenshot({ path: path.join(shots, "zh-CN-import-3-csv.png"), fullPage: true });
    await page.close();
  });
});
