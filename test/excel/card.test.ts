/** The customer card: debounced, newest reply only, reading only the selected customer's rows. */
import type { ExcelDouble } from "../double/excelDouble";
import { logFollowUp } from "../../src/excel/usecases";
import { CardSource } from "../../src/excel/card";
import { latestOnly } from "../../src/excel/latest";
import { installedDouble } from "../support/installedDouble";
import { day } from "../support/builders";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 9, 30);

function workbook(customers: number, perCustomer: number): Promise<ExcelDouble> {
  return installedDouble({
    now,
    user: "u",
    customers: Array.from({ length: customers }, (_, i) => ({ id: `KH-${i + 1}`, name: `公司${i + 1}`, industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "中", phone: "13800138000" })),
    followUps: Array.from({ length: customers * perCustomer }, (_, i) => ({ date: day("2026-05-01") - (i % 30), customerId: `KH-${(i % customers) + 1}`, by: "张三", method: "电话", summary: `第${i}次` })),
  });
}

describe("latestOnly", () => {
  it("one read for a burst, and an older reply never overwrites a newer one", async () => {
    const reads: number[] = [];
    let release: Array<() => void> = [];
    const read = (n: number) => new Promise<number>((resolve) => { reads.push(n); release.push(() => resolve(n)); });
    const f = latestOnly(read, 5);
    const a = f(1);
    const b = f(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toEqual([2]);
    const c = f(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toEqual([2, 3]);
    // The reply for 2 arrives after 3 was asked: dropped; everyone gets 3.
    const [first, second] = release;
    release = [];
    first?.();
    second?.();
    expect(await Promise.all([a, b, c])).toEqual([3, 3, 3]);
  });
});

describe("customer card", () => {
  it("reads only the selected customer's row and follow-ups; a second card reuses the follow-up index", async () => {
    const x = await workbook(2000, 5);
    const cards = new CardSource(() => today, 1);
    const card = await cards.card(11);
    expect(card).toMatchObject({ id: "KH-10", name: "公司10", phoneMasked: "138****8000" });
    expect(card?.recent).toHaveLength(5);
    const firstBytes = x.syncs.reduce((n, s) => n + s.responseBytes, 0);
    x.resetCounters();
    const next = await cards.card(12);
    expect(next?.id).toBe("KH-11");
    // Structure and the customer's row, then only that customer's five follow-up rows.
    expect(x.syncCount).toBe(2);
    const bytes = x.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(bytes).toBeLessThan(30_000);
    expect(bytes).toBeLessThan(firstBytes / 5);
  });
  it("a burst of selections costs one read, of the last row", async () => {
    const x = await workbook(20, 2);
    const cards = new CardSource(() => today, 20);
    const all = await Promise.all([2, 3, 4, 5].map((r) => cards.card(r)));
    expect(all.map((c) => c?.id)).toEqual(["KH-4", "KH-4", "KH-4", "KH-4"]);
    // Structure and row, the follow-up index, that customer's rows, and registering the change handler once.
    expect(x.syncCount).toBe(4);
  });
  it("follows the follow-ups: our own new entry and a co-author's sort", async () => {
    const x = await workbook(5, 2);
    const cards = new CardSource(() => today, 1);
    expect((await cards.card(2))?.recent).toHaveLength(2);
    await logFollowUp({ customerId: "KH-1", date: today, by: "张三", method: "电话", summary: "刚刚" }, today, "u", now);
    const after = await cards.card(2);
    expect(after?.recent[0]).toMatchObject({ summary: "刚刚", method: "电话" });
    x.remoteSort("CRM_FollowUps", "客户编号*", true);
    const sorted = await cards.card(2);
    expect(sorted?.recent.map((r) => r.summary)).toEqual(after?.recent.map((r) => r.summary));
    x.remoteInsertRows("跟进记录", 2, 3);
    const shifted = await cards.card(2);
    expect(shifted?.recent.map((r) => r.summary)).toEqual(after?.recent.map((r) => r.summary));
  });
  it("a co-author re-assigning a follow-up to this customer shows on the next card (the index follows onChanged)", async () => {
    const x = await workbook(5, 2);
    const cards = new CardSource(() => today, 1);
    expect((await cards.card(2))?.recent).toHaveLength(2);
    // Follow-up row 3 belonged to KH-2: now it is KH-1's. Same row count, so only the change event can tell.
    expect(x.cell("跟进记录", "B3")?.v).toBe("KH-2");
    x.remoteTypes("跟进记录", "B3", [["KH-1"]]);
    expect((await cards.card(2))?.recent).toHaveLength(3);
  });
  it("is null off the table", async () => {
    await workbook(3, 1);
    const cards = new CardSource(() => today, 1);
    expect(await cards.card(1)).toBeNull();
    expect(await cards.card(40)).toBeNull();
  });
});
