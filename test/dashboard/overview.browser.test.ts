/**
 * The Overview tab in headless Chromium on the strict Excel double, in both languages: the KPI row
 * and the by-owner table with the rep's own row first, a screenshot of each, and an axe scan.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { openPage } from "../browser/pages";
import { axe } from "../browser/axe";
import { harnessSuite, SHOTS as shots } from "../browser/harness";

jest.setTimeout(240_000);

const pane = harnessSuite();
const open = (lang: "zh-CN" | "en-US", user: string): Promise<Page> => pane.open(lang, { now: "2026-05-20T10:00:00", user });

const customers = (zh: boolean) => [
  { id: "KH-1", name: "上海明远精密机械有限公司", industry: zh ? "C 制造业" : "C Manufacturing", contact: "王", stage: zh ? "需求确认" : "Qualified", owner: "张三", fit: zh ? "高" : "High", intent: zh ? "高" : "High", amount: 600000, closeDate: 46172, created: 46100 },
  { id: "KH-2", name: "杭州云栖餐饮管理有限公司", industry: zh ? "H 住宿和餐饮业" : "H Accommodation and catering", contact: "李", stage: zh ? "新线索" : "Lead", owner: "李四", created: 46161 },
  { id: "KH-3", name: "宁波新越物流有限公司", industry: zh ? "G 交通运输、仓储和邮政业" : "G Transport, storage and postal services", contact: "赵", stage: zh ? "已成交" : "Won", owner: "李四", created: 46050, wonDate: 46157, wonAmount: 300000 },
  { id: "KH-4", name: "苏州汇智信息技术有限公司", industry: zh ? "I 信息传输、软件和信息技术服务业" : "I Information transmission, software and IT services", contact: "钱", stage: zh ? "商务谈判" : "Negotiation", owner: "王五", created: 45800 },
];

describe.each([["zh-CN", "李四", "概览", "在跟客户", "(我)", "生成看板"], ["en-US", "李四", "Overview", "Open customers", "(you)", "Build dashboard"]] as const)("%s Overview tab", (lang, user, tab, kpi, you, build) => {
  it("shows the KPI row and the owners, the rep's own row first; no axe violations", async () => {
    const page = await open(lang, user);
    const zh = lang === "zh-CN";
    if (!zh) await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("button", { name: zh ? "安装模板" : "Install template" }).click();
    await page.getByText(zh ? /已安装模板版本/ : /Template version \d+ is installed/).waitFor();
    await page.evaluate((rows) => (window as unknown as { crmSeed: (t: string, r: object[]) => void }).crmSeed("CRM_Customers", rows), customers(zh));
    await page.evaluate(() => (window as unknown as { crmSeed: (t: string, r: object[]) => void }).crmSeed("CRM_FollowUps", [{ date: 46160, customerId: "KH-3", by: "李四", method: "电话", summary: "回访" }]));
    await openPage(page, zh ? "分级" : "Grade");
    await page.getByRole("button", { name: zh ? "立即分级" : "Grade now" }).click();
    await page.getByText(zh ? /已为 4 个客户分级/ : /Graded 4 customers/).first().waitFor();
    await openPage(page, tab);
    await page.getByText(kpi).waitFor();
    const rows = page.getByRole("table").getByRole("row");
    await rows.nth(1).waitFor();
    expect(await rows.nth(1).innerText()).toContain(`李四 ${you}`);
    expect(await page.getByRole("button", { name: build }).isEnabled()).toBe(true);
    expect(await page.locator("dd").first().innerText()).toBe("3");
    // The earlier steps' notices fade first, so the picture shows the table, not toasts over it.
    await page.getByText(zh ? /已为 4 个客户分级/ : /Graded 4 customers/).first().waitFor({ state: "hidden", timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, `${zh ? "zh" : "en"}-06-overview.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
