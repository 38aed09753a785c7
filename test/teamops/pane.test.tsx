/**
 * @jest-environment jsdom
 */
import { render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { WorkbookApi } from "../../src/taskpane/workbookApi";
import type { PoolItem } from "../../src/core/pool/planPool";
import type { HandoverInput } from "../../src/core/handover/planHandover";
import { TEAM_OPS_STRINGS } from "../../src/taskpane/features/teamOpsStrings";
import { day } from "../support/builders";
import { quietApi, shimBrowserApis } from "../support/paneApi";

jest.setTimeout(30_000);

const item = (id: string, owner: string, days: number | null): PoolItem => ({ index: 0, row: 2, id, name: `${id}公司`, owner, grade: "A", lastContact: null, created: day("2026-01-01"), daysToRelease: days });

function fakeApi(over: Partial<WorkbookApi> = {}): WorkbookApi & { calls: string[] } {
  const calls: string[] = [];
  const api = quietApi({
    status: async () => ({ installed: true, lang: "zh-CN", version: 2, customers: 3, followUps: 0, missingColumns: [] }),
    pool: async () => ({ lang: "zh-CN", enabled: true, warnDays: 3, due: [item("KH-1", "张三", -5)], soon: [item("KH-2", "李四", 2)], inPool: [{ ...item("KH-9", "公海", null), row: 9 }] }),
    release: async (user) => { calls.push(`release by ${user}`); return { action: "release", written: [], skipped: [] }; },
    claim: async (id, owner, user) => { calls.push(`claim ${id} for ${owner} by ${user}`); return { action: "claim", written: [{ index: 8, row: 9, id, name: "", from: "公海", to: owner }], skipped: [] }; },
    previewHandover: async (input: HandoverInput) => { calls.push(`preview ${input.from}→${input.to.join("+")}${input.allStages ? " all" : ""}`); return { lang: "zh-CN", counts: input.to.map((to, i) => ({ to, count: 2 - i })), byStage: { open: 3, maintenance: 0, closed: 0 }, kept: 1, total: 3 }; },
    handover: async (input: HandoverInput, user) => {
      calls.push(`handover ${input.from}→${input.to.join("+")} by ${user}`);
      return { action: "handover", written: [], skipped: [{ index: 1, row: 3, id: "KH-2", name: "", from: "张三", to: "王五" }] };
    },
    team: async () => ["张三", "李四", "王五"],
    ...over,
  });
  return Object.assign(api, { calls });
}

beforeAll(shimBrowserApis);
beforeEach(() => window.localStorage.setItem("crm-sheets.user", "赵六"));

describe("the Pool page", () => {
  it("lists the pool, the due and the soon due; Claim takes a customer for the current user", async () => {
    const api = fakeApi();
    render(<App api={api} lang="zh-CN" />);
    fireEvent.click(await screen.findByRole("tab", { name: "公海" }));
    expect(await screen.findByText("公海客户(1)")).toBeTruthy();
    expect(screen.getByText("KH-1 · KH-1公司 · 张三 · 已超 5 天")).toBeTruthy();
    expect(screen.getByText("KH-2 · KH-2公司 · 李四 · 还剩 2 天")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "为赵六领取 KH-9公司" }));
    await waitFor(() => expect(api.calls).toEqual(["claim KH-9 for 赵六 by 赵六"]));
  });
  it("releases only after the confirmation names what will change", async () => {
    const api = fakeApi();
    render(<App api={api} lang="zh-CN" />);
    fireEvent.click(await screen.findByRole("tab", { name: "公海" }));
    fireEvent.click(await screen.findByRole("button", { name: "释放 1 个到公海" }));
    // jsdom does not run Fluent's open motion, so the dialog stays aria-hidden there: query it as such.
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getByText(/负责人将改为「公海」/)).toBeTruthy();
    expect(api.calls).toEqual([]);
    fireEvent.click(within(dialog).getByRole("button", { name: "释放", hidden: true }));
    await waitFor(() => expect(api.calls).toEqual(["release by 赵六"]));
  });
  it("says the pool is off and how to switch it on", async () => {
    const api = fakeApi({ pool: async () => ({ lang: "en-US", enabled: false, warnDays: 3, due: [], soon: [], inPool: [] }) });
    render(<App api={api} lang="en-US" />);
    fireEvent.click(await screen.findByRole("tab", { name: "Pool" }));
    expect(await screen.findByText("The customer pool is off")).toBeTruthy();
    expect(screen.getByText(/"Enable customer pool" = Yes/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Release/ })).toBeNull();
  });
  it("without a name, Claim is disabled and the page says why", async () => {
    window.localStorage.removeItem("crm-sheets.user");
    render(<App api={fakeApi()} lang="zh-CN" />);
    fireEvent.click(await screen.findByRole("tab", { name: "公海" }));
    expect(await screen.findByText(/请先在「首页」填写您的姓名/)).toBeTruthy();
    expect((screen.getByRole("button", { name: /领取/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("the Handover page", () => {
  it("previews the counts, hands over exactly that, and reports rows a colleague changed", async () => {
    const api = fakeApi();
    render(<App api={api} lang="zh-CN" />);
    fireEvent.click(await screen.findByRole("tab", { name: "交接" }));
    // The page's chunk loads on first use: past findBy's 1 s default on a busy 2-core machine.
    const from = await screen.findByRole("combobox", { name: /移出人/ }, { timeout: 10_000 });
    fireEvent.change(from, { target: { value: "张三" } });
    fireEvent.click(await screen.findByRole("checkbox", { name: "李四" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "王五" }));
    // The leaving rep is not offered as a receiver.
    expect(screen.queryByRole("checkbox", { name: "张三" })).toBeNull();
    expect(screen.queryByRole("button", { name: /转交/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "预览" }));
    expect(await screen.findByText("将转交 3 个客户")).toBeTruthy();
    expect(screen.getByText("李四:2 个")).toBeTruthy();
    expect(screen.getByText("张三 另有 1 个非在跟客户保留不动。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "转交 3 个客户" }));
    await waitFor(() => expect(api.calls).toEqual(["preview 张三→李四+王五", "handover 张三→李四+王五 by 赵六"]));
    expect(await screen.findByText(/有 1 行在此期间被改动.*KH-2/)).toBeTruthy();
  });
  it("changing an input voids the preview", async () => {
    const api = fakeApi();
    render(<App api={api} lang="zh-CN" />);
    fireEvent.click(await screen.findByRole("tab", { name: "交接" }));
    fireEvent.change(await screen.findByRole("combobox", { name: /移出人/ }), { target: { value: "张三" } });
    fireEvent.click(await screen.findByRole("checkbox", { name: "王五" }));
    fireEvent.click(screen.getByRole("button", { name: "预览" }));
    await screen.findByRole("button", { name: "转交 3 个客户" });
    fireEvent.click(screen.getByRole("checkbox", { name: /全部阶段/ }));
    await waitFor(() => expect(screen.queryByRole("button", { name: /转交 3/ })).toBeNull());
  });
});

describe("the team operations' words", () => {
  it("exist in both languages with the same placeholders", () => {
    const en = TEAM_OPS_STRINGS["en-US"];
    const zh = TEAM_OPS_STRINGS["zh-CN"];
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as Array<keyof typeof en>) expect([k, params(zh[k])]).toEqual([k, params(en[k])]);
  });
});
