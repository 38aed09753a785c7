import { ExcelDouble } from "../double/excelDouble";
import { installTemplate } from "../../src/excel/usecases";
import { seed } from "../excel/seed";

/** A stub of the Office globals a function command touches. */
function stubOffice(lang: string) {
  const dialogs: string[] = [];
  (globalThis as Record<string, unknown>).Office = {
    context: { displayLanguage: lang, ui: { displayDialogAsync: (url: string, _o: unknown, cb: () => void) => { dialogs.push(decodeURIComponent(url.split("?m=")[1] ?? "")); cb(); } } },
    onReady: async () => ({}),
    actions: { associate: () => undefined },
  };
  (globalThis as Record<string, unknown>).window = { location: { origin: "https://localhost:3000" }, localStorage: { getItem: () => "张三" } };
  return dialogs;
}

describe("ribbon: Grade now", () => {
  it("grades without the pane, reports in a dialog, and completes the event", async () => {
    const dialogs = stubOffice("zh-CN");
    const x = new ExcelDouble();
    x.install();
    await installTemplate("zh-CN", false, "u", new Date());
    seed(x, "CRM_Customers", [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "高" }]);
    const { gradeNow } = await import("../../src/commands/commands");
    let completed = 0;
    await gradeNow({ completed: () => { completed++; } } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(dialogs[0]).toMatch(/^分级完成:1 个客户,A 1/);
    expect(x.cell("客户信息", "AH2")?.v).toBe("A");
  });
  it("completes the event and explains when the template is missing", async () => {
    const dialogs = stubOffice("en-US");
    new ExcelDouble().install();
    const { gradeNow } = await import("../../src/commands/commands");
    let completed = 0;
    await gradeNow({ completed: () => { completed++; } } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(dialogs[0]).toBe("Grading did not finish: Install the template from the pane first.");
  });
});
