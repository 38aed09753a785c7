/**
 * The built task pane in headless Chromium (Debian's chromium, driven by playwright-core), wired to
 * the strict Excel double: install → log a follow-up → grade → customer card, in both languages,
 * with screenshots, an axe-core accessibility scan, and a record of every network request.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { moreButton, openPage } from "./pages";
import { TEMPLATE_VERSION } from "../../src/core/template/sheets";
import { serve } from "./server";
import { axe } from "./axe";
import { buildPane, CDN, harnessSuite, root, routeOffice, SHOTS as shots } from "./harness";


jest.setTimeout(180_000);

const pane = harnessSuite();
let realServer: { url: string; close: () => Promise<void> };
const realOut = path.join(root, "test-output", "pane");
const requests: string[] = [];

beforeAll(async () => {
  // The real pane too (not the harness), built to a scratch folder: what a browser outside Excel sees.
  buildPane({ harness: false, outDir: realOut });
  realServer = await serve(realOut);
});

afterAll(async () => {
  await realServer?.close();
});

/** The harness pane, every request it makes recorded (none may leave the machine). */
const open = (lang: "zh-CN" | "en-US", user?: string, width = 380): Promise<Page> =>
  pane.open(lang, { now: "2026-05-20T10:00:00", width, onPage: (page) => page.on("request", (r) => requests.push(r.url())), ...(user ? { user } : {}) });

const cell = (page: Page, sheet: string, a1: string) =>
  page.evaluate(([s, a]) => {
    const c = (window as unknown as { crmDouble: { cell: (s: string, a: string) => { v: unknown; f: string | null; nf: string } | undefined } }).crmDouble.cell(s as string, a as string);
    return c ? { v: c.v, f: c.f, nf: c.nf } : null;
  }, [sheet, a1]);

describe("eleven pages in a narrow pane", () => {
  it.each([
    ["zh-CN", "操作日志", "首页"],
    ["en-US", "Audit log", "Home"],
  ] as const)("%s at 350 px: one line of tabs, the rest under More, nothing scrolls sideways", async (lang, last, first) => {
    const page = await open(lang, undefined, 350);
    if (lang === "en-US") await page.getByRole("radio", { name: "English" }).check();
    const tablist = page.getByRole("tablist");
    await tablist.getByRole("tab", { name: first }).waitFor();
    const oneLine = async () => {
      const boxes = await tablist.getByRole("tab").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect().top));
      return new Set(boxes.map((t) => Math.round(t))).size;
    };
    expect(await oneLine()).toBe(1);
    const visible = await tablist.getByRole("tab").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(visible).toBeGreaterThanOrEqual(2);
    expect(visible).toBeLessThan(11);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // Every page is reachable: the visible tabs and the More menu's items are the eleven pages.
    await moreButton(page).click();
    const items = await page.getByRole("menuitem").allTextContents();
    expect(visible + items.length).toBe(11);
    expect(items).toContain(last);
    await page.screenshot({ path: path.join(shots, `${lang === "zh-CN" ? "zh" : "en"}-10-tabs-more-350.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press("Escape");
    // A page chosen from More gets a tab of its own on the line, selected, and its page opens.
    await openPage(page, last);
    expect(await oneLine()).toBe(1);
    await page.getByRole("tabpanel", { name: last }).waitFor();
    await page.screenshot({ path: path.join(shots, `${lang === "zh-CN" ? "zh" : "en"}-11-tab-from-more-350.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe("the task pane in Chromium", () => {
  it("zh-CN: install → log a follow-up → grade → customer card", async () => {
    const page = await open("zh-CN");
    await page.getByText("本工作簿尚未安装客户管理表。").waitFor();
    await page.screenshot({ path: path.join(shots, "zh-01-home.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);

    await page.getByRole("button", { name: "安装模板" }).click();
    await page.getByText(/模板已安装/).first().waitFor();
    await page.getByText(new RegExp(`已安装模板版本 ${TEMPLATE_VERSION}`)).waitFor();
    await page.screenshot({ path: path.join(shots, "zh-02-installed.png"), fullPage: true });
    expect(await cell(page, "客户信息", "A1")).toMatchObject({ v: "客户编号*" });

    await page.evaluate(() => {
      (window as unknown as { crmSeed: (t: string, r: object[]) => void }).crmSeed("CRM_Customers", [
        { id: "KH-202605-001", name: "上海明远精密机械有限公司", shortName: "明远", industry: "C 制造业", contact: "王经理", stage: "需求确认", owner: "张三", fit: "高", intent: "中", amount: 200000, closeDate: 46175, phone: "13812345678", created: 46100 },
        { id: "KH-202605-002", name: "杭州云栖餐饮管理有限公司", industry: "H 住宿和餐饮业", contact: "李总", stage: "新线索", owner: "张三", fit: "低", intent: "低", created: 45900 },
      ]);
    });

    await openPage(page, "记录跟进");
    const combo = page.getByRole("combobox", { name: /客户/ });
    await combo.waitFor();
    await combo.click();
    await combo.fill("明远");
    await page.getByRole("option", { name: /KH-202605-001/ }).click();
    await page.getByRole("textbox", { name: /沟通内容摘要/ }).fill("=HYPERLINK(\"http://evil\",\"点我\")");
    await page.getByRole("textbox", { name: /客户反馈/ }).fill("需内部评审,下周回复");
    await page.screenshot({ path: path.join(shots, "zh-03-log.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "保存跟进记录" }).click();
    await page.getByText(/已保存到第 2 行/).first().waitFor();
    expect(await cell(page, "跟进记录", "F2")).toEqual({ v: "=HYPERLINK(\"http://evil\",\"点我\")", f: null, nf: "@" });
    expect(await cell(page, "跟进记录", "B2")).toMatchObject({ v: "KH-202605-001" });

    // A colleague types a new customer on the sheet: the picker learns it without a reload.
    await page.evaluate(() => (window as unknown as { crmDouble: { userTypes: (s: string, a: string, v: unknown[][]) => void } }).crmDouble.userTypes("客户信息", "A4", [["KH-202605-009", "宁波新越物流有限公司"]]));
    await combo.click();
    await combo.fill("新越");
    await page.getByRole("option", { name: /KH-202605-009/ }).waitFor();
    await page.keyboard.press("Escape");

    await openPage(page, "分级");
    await page.getByRole("button", { name: "立即分级" }).click();
    await page.getByText(/已为 3 个客户分级/).first().waitFor();
    await page.getByText("今日待跟进与逾期").waitFor();
    await page.screenshot({ path: path.join(shots, "zh-04-grade.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    expect(await cell(page, "客户信息", "AH2")).toMatchObject({ v: "A" });
    await page.getByRole("button", { name: /KH-202605-002/ }).click();
    expect(await page.evaluate(() => (window as unknown as { crmDouble: { store: { selection: { rect: { r0: number } } } } }).crmDouble.store.selection.rect.r0)).toBe(2);

    await openPage(page, "客户卡片");
    await page.getByText(/在「客户信息」表中选中一行/).waitFor();
    await page.waitForTimeout(200);
    await page.evaluate(() => (window as unknown as { crmDouble: { userSelects: (s: string, a: string) => void } }).crmDouble.userSelects("客户信息", "D2"));
    await page.getByText("KH-202605-001 · 上海明远精密机械有限公司").waitFor();
    await page.getByText(/138\*\*\*\*5678/).waitFor();
    await page.screenshot({ path: path.join(shots, "zh-05-card.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);

    // The Audit log sheet is very hidden: the pane is where it is read, newest first.
    await openPage(page, "操作日志");
    const audit = page.getByRole("table", { name: "最近的操作日志" });
    await audit.waitFor();
    expect(await audit.getByRole("columnheader").allTextContents()).toEqual(["时间", "操作人", "操作", "对象", "更改单元格数"]);
    expect((await audit.getByRole("row").allTextContents()).slice(1).map((r) => /分级|记录跟进|安装/.exec(r)?.[0])).toEqual(["分级", "记录跟进", "安装"]);
    await page.screenshot({ path: path.join(shots, "zh-06-audit.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it("en-US: install, check data, and the keyboard reaches every tab", async () => {
    const page = await open("en-US");
    await page.getByText("This workbook has no CRM sheets yet.").waitFor();
    await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("button", { name: "Install template" }).click();
    await page.getByText(new RegExp(`Template version ${TEMPLATE_VERSION} is installed`)).waitFor();
    expect(await cell(page, "Customers", "A1")).toMatchObject({ v: "Customer ID*" });
    await page.evaluate(() => {
      (window as unknown as { crmSeed: (t: string, r: object[]) => void }).crmSeed("CRM_Customers", [
        { id: "KH-1", name: "Acme Ltd", industry: "C Manufacturing", contact: "Ann", stage: "Lead", owner: "Bob", phone: "12345" },
      ]);
    });
    await openPage(page, "Check");
    await page.getByRole("button", { name: "Check data" }).click();
    await page.getByText(/Problems found: 1/).waitFor();
    await page.getByRole("button", { name: /Customers, row 2, column "Phone"/ }).click();
    await page.screenshot({ path: path.join(shots, "en-01-check.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    // Keyboard: the tabs on the line with the arrow keys…
    const shown = await page.getByRole("tab").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).innerText.split("\n")[0]?.trim() ?? ""));
    const left = shown[shown.indexOf("Check") - 1] as string;
    await page.getByRole("tab", { name: "Check" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: left, exact: true, selected: true }).waitFor();
    // …and the pages under More: Tab leaves the tab list for the More button, End reaches its last page.
    await page.keyboard.press("Tab");
    expect(await moreButton(page).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem").first().waitFor();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Audit log", selected: true }).waitFor();
    await page.screenshot({ path: path.join(shots, "en-02-keyboard-more.png"), fullPage: true });

    await openPage(page, "Audit log");
    const audit = page.getByRole("table", { name: "Latest audit log entries" });
    await audit.waitFor();
    expect(await audit.getByRole("columnheader").allTextContents()).toEqual(["When", "Who", "Action", "Target", "Cells changed"]);
    expect(await audit.getByRole("cell", { name: "Install" }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, "en-03-audit.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it.each([
    { lang: "zh-CN" as const, install: "安装模板", installed: new RegExp(`已安装模板版本 ${TEMPLATE_VERSION}`), tab: "投诉", customer: /客户/, summary: /问题描述/, by: /受理人/, save: "保存投诉", saved: /已登记到「投诉记录」第 2 行:待响应/, saved2: /第 3 行:响应超时/, handle: "填写下一步", step: "保存这一步", stepSaved: /第 2 行已更新:处理中/, gradeTab: "分级", gradeRun: "立即分级", tierFilter: /价值分层/, risk: "风险", cardTab: "客户卡片", tierText: /高价值/, action: /经理直接跟进、每季度上门回访/, time: /时间/, sheet: "投诉记录", customers: "客户信息" },
    { lang: "en-US" as const, install: "Install template", installed: new RegExp(`Template version ${TEMPLATE_VERSION} is installed`), tab: "Complaints", customer: /Customer/, summary: /Problem/, by: /Handled by/, save: "Save complaint", saved: /Saved on row 2 of Complaints: Awaiting response/, saved2: /row 3 of Complaints: Response late/, handle: "Fill in the next step", step: "Save this step", stepSaved: /Row 2 updated: In progress/, gradeTab: "Grade", gradeRun: "Grade now", tierFilter: /Value tier/, risk: "Risk", cardTab: "Customer", tierText: /High value/, action: /Manager follows up in person; a visit every quarter/, time: /Time/, sheet: "Complaints", customers: "Customers" },
  ])("$lang: log a complaint, fill in its response, filter the due list by tier, and the card's tier", async (L) => {
    const page = await open(L.lang);
    if (L.lang === "en-US") await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("button", { name: L.install }).click();
    await page.getByText(L.installed).waitFor();
    const zh = L.lang === "zh-CN";
    await page.evaluate((z) => {
      (window as unknown as { crmSeed: (t: string, r: object[]) => void }).crmSeed("CRM_Customers", [
        { id: "KH-202605-001", name: z ? "上海明远精密机械有限公司" : "Mingyuan Machinery Ltd", industry: z ? "C 制造业" : "C Manufacturing", contact: "Wang", stage: z ? "商务谈判" : "Negotiation", owner: "Zhang", value: z ? "战略" : "Strategic", created: 46100 },
        { id: "KH-202605-002", name: z ? "杭州云栖餐饮管理有限公司" : "Yunqi Catering Ltd", industry: z ? "H 住宿和餐饮业" : "H Accommodation and catering", contact: "Li", stage: z ? "新线索" : "Lead", owner: "Zhang", created: 45900 },
      ]);
    }, zh);

    await openPage(page, L.tab);
    const combo = page.getByRole("combobox", { name: L.customer });
    await combo.waitFor();
    const time = page.getByRole("textbox", { name: L.time });
    // The time defaults to now on the user's clock (the harness fixes it at 10:00).
    expect(await time.inputValue()).toBe("10:00");
    await combo.click();
    await combo.fill("KH-202605-001");
    await page.getByRole("option", { name: /KH-202605-001/ }).click();
    const payload = "=HYPERLINK(\"http://evil\",\"x\")";
    await page.getByRole("textbox", { name: L.summary }).fill(payload);
    await page.getByRole("textbox", { name: L.by }).fill("@SUM(1)");
    await page.screenshot({ path: path.join(shots, `${zh ? "zh" : "en"}-06-complaint-form.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: L.save }).click();
    await page.getByText(L.saved).first().waitFor();
    expect(await cell(page, L.sheet, "D2")).toEqual({ v: payload, f: null, nf: "@" });
    expect(await cell(page, L.sheet, "E2")).toEqual({ v: "@SUM(1)", f: null, nf: "@" });
    expect(await cell(page, L.sheet, "A2")).toMatchObject({ v: 46162 + 10 / 24, nf: "yyyy-mm-dd hh:mm" });

    // A second complaint logged at 08:30: an hour and a half without a response is late.
    await combo.click();
    await combo.fill("KH-202605-002");
    await page.getByRole("option", { name: /KH-202605-002/ }).click();
    await time.fill("08:30");
    await page.getByRole("textbox", { name: L.summary }).fill(zh ? "电话无人接听" : "Nobody answers the phone");
    await page.getByRole("button", { name: L.save }).click();
    await page.getByText(L.saved2).first().waitFor();

    // Open ones are listed most urgent first: the late one (row 3) leads; answer row 2's.
    await page.getByRole("listitem").filter({ hasText: "KH-202605-001" }).getByRole("button", { name: L.handle }).click();
    await page.getByRole("button", { name: L.step }).click();
    await page.getByText(L.stepSaved).first().waitFor();
    expect(await cell(page, L.sheet, "F2")).toMatchObject({ v: 46162 + 10 / 24, nf: "yyyy-mm-dd hh:mm" });
    await page.screenshot({ path: path.join(shots, `${zh ? "zh" : "en"}-07-complaints-open.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);

    await openPage(page, L.gradeTab);
    await page.getByRole("button", { name: L.gradeRun }).click();
    await page.getByRole("button", { name: /KH-202605-001/ }).waitFor();
    await page.getByText(zh ? "投诉 未完成 2 · 超时 1" : "Complaints open 2 · late 1").waitFor();
    await page.getByRole("combobox", { name: L.tierFilter }).click();
    await page.getByRole("option", { name: L.risk }).click();
    await page.getByRole("button", { name: /KH-202605-002/ }).waitFor();
    expect(await page.getByRole("button", { name: /KH-202605-001/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, `${zh ? "zh" : "en"}-08-due-by-tier.png`), fullPage: true });

    await openPage(page, L.cardTab);
    await page.getByText(zh ? /在「客户信息」表中选中一行/ : /Select a row on/).waitFor();
    await page.waitForTimeout(200);
    await page.evaluate((sheet) => (window as unknown as { crmDouble: { userSelects: (s: string, a: string) => void } }).crmDouble.userSelects(sheet, "D2"), L.customers);
    await page.getByText(zh ? "KH-202605-001 · 上海明远精密机械有限公司" : "KH-202605-001 · Mingyuan Machinery Ltd").waitFor();
    await page.getByText(L.action).waitFor();
    await page.getByText(L.tierText).first().waitFor();
    await page.screenshot({ path: path.join(shots, `${zh ? "zh" : "en"}-09-card-tier.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ["zh-CN", { install: "安装模板", installed: new RegExp(`已安装模板版本 ${TEMPLATE_VERSION}`), pool: "公海", handover: "交接", rules: "分级规则", yes: "是", sheet: "客户信息", release: "释放 2 个到公海", confirm: "释放", done: /已将 2 个客户释放到公海/, claim: "为经理领取 KH-3公司", claimed: /KH-3 已归您跟进/, from: /移出人/, preview: "预览", previewed: "将转交 2 个客户", handOver: "转交 2 个客户", handed: /已转交 张三 的 2 个客户/, poolWord: "公海" }],
    ["en-US", { install: "Install template", installed: new RegExp(`Template version ${TEMPLATE_VERSION} is installed`), pool: "Pool", handover: "Handover", rules: "Rules", yes: "Yes", sheet: "Customers", release: "Release 2 to the pool", confirm: "Release", done: /Released 2 customers to the pool/, claim: "Claim KH-3公司 for 经理", claimed: /KH-3 is yours now/, from: /From/, preview: "Preview", previewed: "2 customers would move", handOver: "Hand over 2 customers", handed: /Moved 2 customers of 张三/, poolWord: "Pool" }],
  ] as const)("%s: the Pool page releases and claims, the Handover page previews and moves", async (lang, w) => {
    const page = await open(lang, "经理");
    if (lang === "en-US") await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("button", { name: w.install }).click();
    await page.getByText(w.installed).waitFor();
    await page.evaluate(([rules, yes]) => {
      const win = window as unknown as { crmSeed: (t: string, r: object[]) => void; crmDouble: { userTypes: (s: string, a: string, v: unknown[][]) => void } };
      const c = (id: string, owner: string, created: number) => ({ id, name: `${id}公司`, industry: "C 制造业", contact: "王经理", stage: "需求确认", owner, fit: "高", intent: "高", created });
      // Two customers nobody has called for months; fresh ones of 张三's and 李四's.
      win.crmSeed("CRM_Customers", [c("KH-1", "张三", 45900), c("KH-2", "李四", 45950), c("KH-4", "张三", 46160), c("KH-5", "张三", 46150), c("KH-6", "李四", 46160)]);
      win.crmDouble.userTypes(rules as string, "B25", [[yes]]);
    }, [w.rules, w.yes]);

    await openPage(page, w.pool);
    await page.getByRole("button", { name: w.release }).waitFor();
    await page.screenshot({ path: path.join(shots, `${lang === "zh-CN" ? "zh" : "en"}-06-pool.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: w.release }).click();
    await page.getByRole("dialog").waitFor();
    await page.screenshot({ path: path.join(shots, `${lang === "zh-CN" ? "zh" : "en"}-07-pool-confirm.png`), fullPage: true });
    await page.getByRole("dialog").getByRole("button", { name: w.confirm, exact: true }).click();
    await page.getByText(w.done).first().waitFor();
    expect(await cell(page, w.sheet, "AD2")).toMatchObject({ v: w.poolWord });
    expect(await cell(page, w.sheet, "AD3")).toMatchObject({ v: w.poolWord });

    // A customer a colleague puts in the pool by hand while the page is open, claimed for the pane's user.
    await page.evaluate((sheet) => (window as unknown as { crmDouble: { userTypes: (s: string, a: string, v: unknown[][]) => void } }).crmDouble.userTypes(sheet, "A7", [["KH-3", "KH-3公司"]]), w.sheet);
    await page.evaluate(([sheet, pool]) => (window as unknown as { crmDouble: { userTypes: (s: string, a: string, v: unknown[][]) => void } }).crmDouble.userTypes(sheet as string, "AD7", [[pool]]), [w.sheet, w.poolWord]);
    // The page follows the colleague's edit by itself (no reload).
    await page.getByRole("button", { name: w.claim }).click();
    await page.getByText(w.claimed).first().waitFor();
    expect(await cell(page, w.sheet, "AD7")).toMatchObject({ v: "经理" });

    await openPage(page, w.handover);
    await page.getByRole("combobox", { name: w.from }).click();
    await page.getByRole("option", { name: "张三" }).click();
    await page.getByRole("checkbox", { name: "李四" }).check();
    await page.getByRole("checkbox", { name: "经理" }).check();
    await page.getByRole("button", { name: w.preview }).click();
    await page.getByText(w.previewed).waitFor();
    await page.screenshot({ path: path.join(shots, `${lang === "zh-CN" ? "zh" : "en"}-08-handover.png`), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: w.handOver }).click();
    await page.getByText(w.handed).first().waitFor();
    const owners = await Promise.all(["AD4", "AD5"].map(async (a) => (await cell(page, w.sheet, a))?.v));
    expect([...owners].sort()).toEqual(["李四", "经理"]);
    await page.close();
  });

  it("the real pane, opened in a plain browser, says to open it from Excel instead of failing", async () => {
    const page = await pane.browser().newPage({ locale: "zh-CN", reducedMotion: "reduce" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await routeOffice(page);
    await page.goto(`${realServer.url}/taskpane.html`);
    await page.getByText(/请在 Excel 中打开本窗格/).waitFor();
    await page.screenshot({ path: path.join(shots, "zh-00-outside-excel.png") });
    expect(errors).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it("sent no request anywhere but our pages and the Office.js CDN", () => {
    const foreign = requests.filter((u) => !u.startsWith(pane.url()) && !u.startsWith(realServer.url) && !u.startsWith(CDN));
    expect(requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});
