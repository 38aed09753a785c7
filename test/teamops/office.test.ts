/**
 * Pool, claim, handover, contacts and the upgrade through the Office door, against the strict
 * Excel double, including a co-author editing an Owner cell while a handover runs.
 */
import { ExcelDouble } from "../double/excelDouble";
import { installTemplate, customerCard, listCustomers, logFollowUp, checkWorkbook } from "../../src/excel/usecases";
import { poolOverview, releaseToPool, claimCustomer, previewHandover, handOver, teamMembers } from "../../src/excel/teamops";
import { ExcelDoorError } from "../../src/excel/errors";
import { installedDouble } from "../support/installedDouble";
import { day } from "../support/builders";
import type { CellValue } from "../double/store";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 9, 30);
let x: ExcelDouble;

const customer = (id: string, owner: string, over: Record<string, CellValue> = {}) => ({ id, name: `${id}公司`, industry: "C 制造业", contact: "王", stage: "新线索", owner, created: day("2026-01-05"), fit: "高", intent: "高", ...over });

async function installed(options: ConstructorParameters<typeof ExcelDouble>[0] = {}) {
  x = await installedDouble({
    now,
    user: "经理",
    into: new ExcelDouble(options),
    customers: [
      customer("KH-1", "张三"),
      customer("KH-2", "张三", { created: day("2026-05-10") }),
      customer("KH-3", "李四"),
      customer("KH-4", "张三", { stage: "已成交" }),
      customer("KH-5", "张三", { fit: "低", intent: "低" }),
      customer("KH-6", "公海"),
    ],
    followUps: [{ date: day("2026-05-15"), customerId: "KH-5", by: "张三", method: "电话", summary: "聊过" }],
  });
}
/** Column AD holds Owner in the template's order. */
const owners = () => x.grid("客户信息", "AD2:AD7").map((r) => r[0]);
const auditRows = () => x.grid("操作日志", "B2:E20").filter((r) => r[1] !== null && r[1] !== "");
function userCells(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of x.snapshot()) if (k.startsWith("客户信息!") && !/^客户信息!A[D-P]\d+$/.test(k)) out.set(k, v);
  return out;
}
const poolOn = () => x.userTypes("分级规则", "B25", [["是"]]);

describe("the pool through the Office door", () => {
  beforeEach(() => installed());

  it("lists nothing while the switch is off, then the due, the soon due and the pool", async () => {
    expect(await poolOverview(today)).toMatchObject({ enabled: false, due: [], soon: [] });
    poolOn();
    const p = await poolOverview(today);
    expect(p.enabled).toBe(true);
        // KH-2 is 10 days old, KH-5 was called 5 days ago, KH-4 is won: none of them is due.
    expect(p.due.map((d) => [d.id, d.owner])).toEqual([["KH-1", "张三"], ["KH-3", "李四"]]);
    expect(p.inPool.map((d) => d.id)).toEqual(["KH-6"]);
    expect(p.warnDays).toBe(3);
  });

  it("releases the due to 公海, one audit row each with the old owner; nothing else of the user's changes", async () => {
    poolOn();
    const before = userCells();
    const out = await releaseToPool(today, "经理", now);
    expect(out.written.map((c) => c.id)).toEqual(["KH-1", "KH-3"]);
    expect(out.skipped).toEqual([]);
    expect(owners()).toEqual(["公海", "张三", "公海", "张三", "张三", "公海"]);
    expect(auditRows().filter((r) => r[1] === "release")).toEqual([
      ["经理", "release", "KH-1 KH-1公司: 张三 → 公海", 1],
      ["经理", "release", "KH-3 KH-3公司: 李四 → 公海", 1],
    ]);
    expect(userCells()).toEqual(before);
    // Converges: a second release has nothing to do and writes nothing.
    const again = await releaseToPool(today, "经理", now);
    expect(again.written).toEqual([]);
    expect(auditRows().filter((r) => r[1] === "release")).toHaveLength(2);
  });

  it("claims a pool customer for the current user, logged; refuses one outside the pool", async () => {
    const out = await claimCustomer("KH-6", "赵六", today, "赵六", now);
    expect(out.written.map((c) => [c.id, c.from, c.to])).toEqual([["KH-6", "公海", "赵六"]]);
    expect(owners()[5]).toBe("赵六");
    expect(auditRows().filter((r) => r[1] === "claim")).toEqual([["赵六", "claim", "KH-6 KH-6公司: 公海 → 赵六", 1]]);
    await expect(claimCustomer("KH-1", "赵六", today, "赵六", now)).rejects.toMatchObject({ issues: [expect.objectContaining({ code: "notInPool" })] });
    await expect(claimCustomer("KH-1", "赵六", today, "赵六", now)).rejects.toBeInstanceOf(ExcelDoorError);
  });
});

describe("handover through the Office door", () => {
  beforeEach(() => installed());

  it("previews the counts without writing, then moves evenly; follow-ups keep their author", async () => {
    const before = x.snapshot();
    const preview = await previewHandover({ from: "张三", to: ["王五", "赵六"], allStages: false }, today);
    expect(preview).toMatchObject({ total: 3, kept: 1, counts: [{ to: "王五", count: 2 }, { to: "赵六", count: 1 }] });
    expect(x.snapshot()).toEqual(before);
    const out = await handOver({ from: "张三", to: ["王五", "赵六"], allStages: false }, today, "经理", now);
    expect(out.written).toHaveLength(3);
    expect(owners().filter((o) => o === "张三")).toHaveLength(1);
    expect(owners()[3]).toBe("张三");
    expect(x.grid("跟进记录", "D2")).toEqual([["张三"]]);
    expect(auditRows().filter((r) => r[1] === "handover").map((r) => r[2])).toEqual([
      expect.stringMatching(/^KH-1 .*: 张三 → (王五|赵六)$/), expect.stringMatching(/^KH-2 /), expect.stringMatching(/^KH-5 /),
    ]);
  });

  it("hands over a customer whose ID has spaces around it: the row's guard checks the ID as written", async () => {
    x.userTypes("客户信息", "A3", [[" KH-2 "]]);
    const out = await handOver({ from: "张三", to: ["王五"], allStages: false }, today, "经理", now);
    expect(out.written).toHaveLength(3);
    expect(owners().slice(0, 2)).toEqual(["王五", "王五"]);
    expect(x.grid("客户信息", "A3")).toEqual([[" KH-2 "]]);
  });

  it("offers the team list and every owner, not the pool", async () => {
    expect(await teamMembers()).toEqual(["张三", "李四"]);
  });
});

describe("a co-author editing an Owner cell during a handover", () => {
  // Syncs of a handover: 1 structure, 2 the columns read, 3 the Owner check, 4 the guarded write
  // (an edit arriving before it fails the batch: 5 the check again, 6 the write).
  it.each([1, 2, 3, 4])("an edit arriving before sync %i is kept, and that customer is not logged as moved", async (at) => {
    let armed = false;
    let n = 0;
    let coAuthor: ExcelDouble | null = null;
    await installed({ beforeSync: () => {
      if (!armed) return;
      n++;
      // The rep on another machine gives KH-2 to a colleague while our handover runs.
      if (n === at) coAuthor?.userTypes("客户信息", "AD3", [["钱七"]]);
    } });
    coAuthor = x.coAuthor();
    armed = true;
    const out = await handOver({ from: "张三", to: ["王五"], allStages: false }, today, "经理", now);
    expect(owners()[1]).toBe("钱七");
    expect(out.written.map((c) => c.id)).toEqual(["KH-1", "KH-5"]);
    // Seen at the check (sync 3) or by the write's guard (sync 4) it is reported as skipped; seen
    // earlier it was never the leaving rep's.
    expect(out.skipped.map((c) => c.id)).toEqual(at >= 3 ? ["KH-2"] : []);
    expect(auditRows().filter((r) => r[1] === "handover").map((r) => String(r[2]).slice(0, 4))).toEqual(["KH-1", "KH-5"]);
  });

  it("a row moved by a sort between plan and write is skipped, not written onto another customer", async () => {
    let armed = false;
    let n = 0;
    // A co-author sorts: another customer now stands on KH-2's row when we come to write.
    await installed({ beforeSync: () => { if (armed && ++n === 3) x.coAuthor().userTypes("客户信息", "A3", [["KH-9"]]); } });
    armed = true;
    const out = await handOver({ from: "张三", to: ["王五"], allStages: false }, today, "经理", now);
    expect(out.skipped.map((c) => c.id)).toEqual(["KH-2"]);
    expect(owners()[1]).toBe("张三");
  });

  it("a sort arriving just before the write fails its guards; the redo finds each customer on its new row", async () => {
    let armed = false;
    let n = 0;
    await installed({ beforeSync: () => { if (armed && ++n === 4) x.remoteSort("CRM_Customers", "客户名称*", true); } });
    armed = true;
    const out = await handOver({ from: "张三", to: ["王五"], allStages: false }, today, "经理", now);
    expect(out.written.map((c) => c.id).sort()).toEqual(["KH-1", "KH-2", "KH-5"]);
    expect(out.skipped).toEqual([]);
    // Each Owner landed on its own customer's row, wherever the sort put it.
    const byId = new Map(x.grid("客户信息", "A2:AD7").map((r) => [r[0], r[29]]));
    expect(Object.fromEntries(byId)).toEqual({ "KH-1": "王五", "KH-2": "王五", "KH-3": "李四", "KH-4": "张三", "KH-5": "王五", "KH-6": "公海" });
    expect(auditRows().filter((r) => r[1] === "handover")).toHaveLength(3);
  });

  it("on a filtered sheet the hidden rows are re-read, not guarded, and still handed over", async () => {
    await installed();
    x.remoteFilter("CRM_Customers", "负责人*", (v) => v === "李四");
    const out = await handOver({ from: "张三", to: ["王五"], allStages: false }, today, "经理", now);
    expect(out.written.map((c) => c.id)).toEqual(["KH-1", "KH-2", "KH-5"]);
    expect(owners()).toEqual(["王五", "王五", "李四", "张三", "王五", "公海"]);
  });
});

describe("a large handover", () => {
  it.each([false, true])("moves 2,500 customers in guarded chunks, every audit row below the last, in a handful of syncs (log blank: %s)", async (blankLog) => {
    const n = 2_500;
    x = await installedDouble({ now, user: "经理", customers: Array.from({ length: n }, (_, i) => customer(`KH-${i + 1}`, "张三")) });
    // A log whose only row was cleared: the first audit row fills it, later chunks must not.
    if (blankLog) x.userTypes("操作日志", "A2:E2", [[null, null, null, null, null]]);
    const out = await handOver({ from: "张三", to: ["王五", "赵六"], allStages: false }, today, "经理", now);
    expect(out.written).toHaveLength(n);
    expect(out.skipped).toEqual([]);
    const col = x.grid("客户信息", `AD2:AD${n + 1}`).map((r) => r[0]);
    expect(col.filter((o) => o === "王五")).toHaveLength(n / 2);
    expect(col.filter((o) => o === "赵六")).toHaveLength(n / 2);
    const logged = x.grid("操作日志", `B2:D${n + 10}`).filter((r) => r[1] === "handover");
    expect(x.grid("操作日志", `C${n + (blankLog ? 1 : 2)}`)).toEqual([["handover"]]);
    expect(logged).toHaveLength(n);
    // Each customer once: no chunk's audit rows overwrote another's.
    expect(new Set(logged.map((r) => String(r[2]).split(" ")[0])).size).toBe(n);
    expect(x.syncs.length).toBeLessThanOrEqual(6);
  });
});

describe("contacts in the pane's reads and the log form", () => {
  beforeEach(() => installed());

  it("the card lists the customer's contacts with masked phones; the picker offers their names", async () => {
    // Typed row by row, as a person does: the table grows over each row typed right below it.
    x.userTypes("联系人", "A2", [["KH-1", null, "李总", "总经理", "决策人", "13912345678", null, null, "是"]]);
    x.userTypes("联系人", "A3", [["kh-1", null, "王工", "技术", "技术对接人", "021-62345678"]]);
    x.userTypes("联系人", "A4", [["KH-3", null, "别人"]]);
    const card = await customerCard(2, today);
    expect(card?.contacts).toEqual([
      { name: "李总", title: "总经理", role: "决策人", decisionMaker: true, phoneMasked: "139****5678", primary: true },
      { name: "王工", title: "技术", role: "技术对接人", decisionMaker: false, phoneMasked: "021-****5678", primary: false },
    ]);
    // Display only: the cell keeps the full number.
    expect(x.grid("联系人", "F2")).toEqual([["13912345678"]]);
    const picker = await listCustomers(today);
    expect(picker.find((c) => c.id === "KH-1")?.contacts).toEqual(["王", "李总", "王工"]);
  });

  it("the data check finds a decision maker listed on the Contacts sheet, as the file door's does", async () => {
    const flagged = (await checkWorkbook(today)).filter((l) => l.issue.code === "noDecisionMaker");
    expect(flagged.length).toBeGreaterThan(0);
    const ids = flagged.map((l) => x.grid("客户信息", `A${l.issue.row}`)[0]?.[0]);
    ids.forEach((id, i) => x.userTypes("联系人", `A${2 + i}`, [[id ?? null, null, `决策人${i}`, "总经理", "决策人"]]));
    expect((await checkWorkbook(today)).filter((l) => l.issue.code === "noDecisionMaker")).toEqual([]);
  });

  it("a Contacts row's problem comes with the cell it is about, as a customer's does", async () => {
    x.userTypes("联系人", "A2", [["KH-404", null, "孙工", "技术", "技术对接人"]]);
    const found = (await checkWorkbook(today)).filter((l) => l.issue.sheet === "contacts");
    expect(found.map((l) => [l.issue.code, l.address])).toEqual([["unknownCustomerId", "联系人!A2"]]);
  });

  it("the log form names whom the rep spoke to", async () => {
    const out = await logFollowUp({ customerId: "KH-1", date: today, by: "张三", method: "电话", summary: "谈预算", spokeWith: "李总" }, today, "张三", now);
    expect(x.grid("跟进记录", `K${out.row}`)).toEqual([["李总"]]);
    expect(x.grid("跟进记录", "K1")).toEqual([["沟通联系人"]]);
  });
});

describe("upgrading an older workbook", () => {
  it("adds the Contacts sheet, the countdown with its formula and red highlight, and the pool's names", async () => {
    x = new ExcelDouble();
    x.install();
    x.userTypes("Sheet1", "A1", [["客户编号", "客户名称", "所属行业", "联系人", "当前阶段", "负责人"], ["KH-1", "甲公司", "C 制造业", "王", "新线索", "张三"]]);
    await x.api.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:F2", true).name = "CRM_Customers";
      context.workbook.worksheets.getItem("Sheet1").name = "客户信息";
      await context.sync();
    });
    const out = await installTemplate("zh-CN", false, "经理", now);
    expect(out.kind).toBe("upgraded");
    expect(x.store.sheets.map((s) => s.name)).toContain("联系人");
    const headers = x.grid("客户信息", "A1:AZ1")[0] ?? [];
    const col = headers.indexOf("距释放(天)");
    expect(col).toBeGreaterThan(5);
    const cu = x.sheet("客户信息");
    expect(String(cu.cell(1, col)?.f)).toMatch(/^=IFERROR\(IF\(AND\(OR\(CRM_PoolOn=/);
    expect(cu.conditionalFormats.some((cf) => cf.rect.c0 === col && cf.fill === "#C00000")).toBe(true);
    expect(x.store.names.get("CRM_PoolOn")).toMatch(/^='分级规则'!\$B\$\d+$/);
    expect(x.store.names.get("CRM_ReleaseWarn")).toBeDefined();
    // The user's cells are as they were.
    expect(x.grid("客户信息", "A2:F2")).toEqual([["KH-1", "甲公司", "C 制造业", "王", "新线索", "张三"]]);
  });
});
