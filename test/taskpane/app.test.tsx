/**
 * @jest-environment jsdom
 */
import { render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { WorkbookApi } from "../../src/taskpane/workbookApi";
import { ExcelDoorError } from "../../src/excel/errors";
import { quietApi, shimBrowserApis } from "../support/paneApi";

function fakeApi(over: Partial<WorkbookApi> = {}): WorkbookApi & { calls: string[] } {
  const calls: string[] = [];
  const api = quietApi({
    install: async (lang) => { calls.push(`install ${lang}`); return { kind: "installed", lang, sheets: ["客户信息"] }; },
    overview: async () => ({ lang: "zh-CN", asOf: "2026-05-20", kpi: { open: 0, a: 0, overdue: 0, dormant: 0, dueThisWeek: 0, followUps7d: 0, wonThisMonth: 0, wonAmountThisMonth: 0 }, owners: [], tiers: { risk: 1, highValue: 2, potential: 0, dormant: 0, standard: 3 }, complaints: { open: 1, late: 0 }, cadenceA: 7 }),
    buildDashboard: async () => ({ lang: "zh-CN", sheetName: "看板", cells: 0, charts: 0 }),
    ...over,
  });
  return Object.assign(api, { calls });
}

beforeAll(shimBrowserApis);

describe("task pane components (by role)", () => {
  it("Home installs the template in the chosen language", async () => {
    const api = fakeApi();
    render(<App api={api} lang="zh-CN" />);
    // The first render loads the Home page's chunk and the catalogue: about 1.5 s alone on a busy
    // 2-core machine, past findByRole's 1 s default, so the wait is longer; what is found is unchanged.
    const button = await screen.findByRole("button", { name: "安装模板" }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    fireEvent.click(button);
    await waitFor(() => expect(api.calls).toEqual(["install en-US"]));
  });
  it("shows an error naming sheet, row and column in a message bar", async () => {
    const issue = { code: "unknownCustomerId" as const, severity: "error" as const, sheet: "followUps" as const, sheetName: "跟进记录", row: 5, column: "客户编号*", columnKey: "customerId", value: "KH-404" };
    const api = fakeApi({ status: async () => { throw new ExcelDoorError("InvalidInput", "x", "status", undefined, [issue]); } });
    render(<App api={api} lang="zh-CN" />);
    expect(await screen.findByText("跟进记录 第5行 「客户编号*」列: 客户编号「KH-404」在客户信息中不存在")).toBeTruthy();
    expect(screen.getByRole("button", { name: "关闭" })).toBeTruthy();
  });
  it.each([
    ["zh-CN", "操作日志", "最近的操作日志", ["时间", "操作人", "操作", "对象", "更改单元格数"], ["2026年5月20日 10:30", "李四", "分级", "客户信息 (3)", "9"], "刷新"],
    ["en-US", "Audit log", "Latest audit log entries", ["When", "Who", "Action", "Target", "Cells changed"], ["2026-05-20 10:30", "李四", "Grade", "客户信息 (3)", "9"], "Refresh"],
  ] as const)("%s: the Audit log page lists the newest entries first, in the reader's language", async (lang, tab, caption, headers, first, refresh) => {
    let reads = 0;
    const rows = [
      { when: 46162 + 10.5 / 24, user: "李四", action: "grade", target: "客户信息 (3)", cells: 9 },
      { when: 46161 + 9 / 24, user: "", action: "install", target: "客户信息", cells: 0 },
    ];
    const api = fakeApi({ auditLog: async (limit) => { reads += 1; expect(limit).toBe(50); return rows; } });
    render(<App api={api} lang={lang} />);
    fireEvent.click(await screen.findByRole("tab", { name: tab }));
    const table = await screen.findByRole("table", { name: caption });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(headers);
    const body = within(table).getAllByRole("row").slice(1);
    expect(body.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))[0]).toEqual(first);
    expect(within(body[1] as HTMLElement).getAllByRole("cell")[1]?.textContent).toBe(lang === "zh-CN" ? "(未填写)" : "(no name)");
    expect(reads).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: refresh }));
    await waitFor(() => expect(reads).toBe(2));
    // The first render of Fluent's table is slow on a shared CI machine; this is not a speed check.
  }, 20_000);
  it("the Audit log page says so when the log is empty", async () => {
    render(<App api={fakeApi()} lang="en-US" />);
    fireEvent.click(await screen.findByRole("tab", { name: "Audit log" }));
    expect(await screen.findByText("No entries yet.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
  it.each([["en-US", /[\u4e00-\u9fff]/, ["中文"]], ["zh-CN", /\b[A-Za-z]{4,}\b/, ["English", "Excel"]]] as const)("%s: no text in the other language (hard-coded strings)", async (lang, foreign, allowed) => {
    render(<App api={fakeApi()} lang={lang} />);
    await screen.findByRole("tablist");
    await waitFor(() => expect(document.body.textContent).not.toContain("…"));
    const texts: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if ((n.textContent ?? "").trim()) texts.push((n.textContent ?? "").trim());
    const offenders = texts.filter((t) => foreign.test(allowed.reduce((s, a) => s.split(a).join(""), t)));
    expect(offenders).toEqual([]);
  });
});
