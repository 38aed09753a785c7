import { ExcelDouble } from "../double/excelDouble";
import { CommandRuntime, RUNTIME_LIMIT_MS } from "../double/commandRuntime";
import { installedDouble } from "../support/installedDouble";

/** Lets pending promises run (timers are fake; immediates are real). */
async function until(f: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !f(); i++) await new Promise((r) => setImmediate(r));
  if (!f()) throw new Error("condition never met");
}

const workbook = (): Promise<ExcelDouble> =>
  installedDouble({ now: new Date(), user: "u", customers: [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "高" }] });

beforeEach(() => jest.useFakeTimers({ doNotFake: ["setImmediate", "nextTick"] }));
afterEach(() => jest.useRealTimers());

describe("ribbon: Grade now", () => {
  it("grades without the pane, and completes only after the user has closed the dialog", async () => {
    const x = await workbook();
    const rt = new CommandRuntime("zh-CN");
    const { gradeNow } = await import("../../src/commands/commands");
    const done = gradeNow(rt.event());
    await until(() => rt.dialogs.length === 1);
    const dialog = rt.dialogs[0];
    expect(dialog?.message).toMatch(/^分级完成:1 个客户,A 1/);
    expect(x.cell("客户信息", "AH2")?.v).toBe("A");
    // Still open and readable: the command has not completed (that would close the dialog with the runtime).
    jest.advanceTimersByTime(60_000);
    await until(() => true);
    expect([dialog?.open, rt.completedAt]).toEqual([true, null]);
    dialog?.userCloses();
    await done;
    expect(dialog?.closedBy).toBe("user");
    expect(rt.completedAt).not.toBeNull();
    expect(rt.killed).toBe(false);
  });
  it("left open, the dialog is closed by the command and the event completed well before Office's 5 minutes", async () => {
    await workbook();
    const rt = new CommandRuntime("en-US");
    const { gradeNow, DIALOG_MS } = await import("../../src/commands/commands");
    const done = gradeNow(rt.event());
    await until(() => rt.dialogs.length === 1);
    jest.advanceTimersByTime(DIALOG_MS + 1);
    await done;
    expect(rt.dialogs[0]?.closedBy).toBe("add-in");
    expect(rt.completedAt).toBeLessThanOrEqual(DIALOG_MS + 1);
    expect(DIALOG_MS).toBeLessThan(RUNTIME_LIMIT_MS - 30_000);
    expect(rt.killed).toBe(false);
  });
  it("completes the event and explains when the template is missing", async () => {
    new ExcelDouble().install();
    const rt = new CommandRuntime("en-US");
    const { gradeNow } = await import("../../src/commands/commands");
    const done = gradeNow(rt.event());
    await until(() => rt.dialogs.length === 1);
    expect(rt.dialogs[0]?.message).toBe("Grading did not finish: Install the template from the pane first.");
    rt.dialogs[0]?.userCloses();
    await done;
    expect(rt.completedAt).not.toBeNull();
  });
  it("completes at once when no dialog can be shown", async () => {
    await workbook();
    const rt = new CommandRuntime("en-US", true);
    const { gradeNow } = await import("../../src/commands/commands");
    await gradeNow(rt.event());
    expect(rt.completedAt).not.toBeNull();
  });
  it("a grade that would outrun the limit stops between chunks and says to grade from the pane", async () => {
    const x = await workbook();
    // The workbook is slow: each round trip takes 100 seconds.
    x.betweenSyncs = () => jest.setSystemTime(Date.now() + 100_000);
    const rt = new CommandRuntime("en-US");
    const { gradeNow } = await import("../../src/commands/commands");
    const done = gradeNow(rt.event());
    await until(() => rt.dialogs.length === 1);
    expect(rt.dialogs[0]?.message).toBe("Grading did not finish: Too many customers to grade from the ribbon within Office's time limit. Grade from the task pane.");
    expect(x.cell("客户信息", "AH2")?.v ?? null).toBeNull();
    rt.dialogs[0]?.userCloses();
    await done;
    expect(rt.killed).toBe(false);
  });
});
