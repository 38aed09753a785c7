/**
 * The pane's Office door fetches each group of use-cases the first time a page asks for it (so the
 * pane's first chunk does not carry them), and that changes nothing a page sees: the clock is read
 * when the action is asked, as it was when the use-cases were bound up front.
 */
import { ExcelDouble } from "../double/excelDouble";
import { createOfficeWorkbook } from "../../src/taskpane/officeDoor";
import { overview } from "../../src/excel/dashboard";
import { seed } from "../excel/seed";
import { day } from "../support/builders";

describe("use-cases load on first use", () => {
  // Each door module, replaced by itself plus a note that it was evaluated.
  const DOOR = ["usecases", "teamops", "dashboard", "card", "complaints", "importWorkbook", "template"] as const;
  type DoorModule = (typeof DOOR)[number];

  function isolatedDoor(): { loaded: Set<DoorModule>; create: typeof createOfficeWorkbook } {
    const loaded = new Set<DoorModule>();
    let create: typeof createOfficeWorkbook | undefined;
    jest.isolateModules(() => {
      for (const m of DOOR) {
        jest.doMock(`../../src/excel/${m}`, () => {
          loaded.add(m);
          return jest.requireActual(`../../src/excel/${m}`);
        });
      }
      create = (jest.requireActual("../../src/taskpane/officeDoor") as typeof import("../../src/taskpane/officeDoor")).createOfficeWorkbook;
    });
    return { loaded, create: create as typeof createOfficeWorkbook };
  }
  afterEach(() => jest.resetModules());

  it("making the door loads none of them; Home's template use-cases start arriving at once", async () => {
    const { loaded, create } = isolatedDoor();
    expect([...loaded]).toEqual([]);
    create();
    // The early fetch of Home's door is a dynamic import: it lands a moment later.
    await new Promise((r) => setTimeout(r, 0));
    expect([...loaded]).toEqual(["template"]);
  });

  it("a page's call brings its own use-cases and no other page's", async () => {
    const x = new ExcelDouble();
    x.install();
    const { loaded, create } = isolatedDoor();
    const api = create(() => new Date(2026, 4, 20, 10, 0));
    await api.install("zh-CN", false, "u");
    expect([...loaded]).toEqual(["template"]);
    await api.pool();
    expect(loaded.has("teamops")).toBe(true);
    expect(loaded.has("importWorkbook")).toBe(false);
    await api.importSource();
    expect(loaded.has("importWorkbook")).toBe(true);
    // Neither the Overview's nor the Complaints page's door came along.
    expect([loaded.has("dashboard"), loaded.has("complaints")]).toEqual([false, false]);
  });

  it("a card whose code failed to arrive is fetched again on the next call", async () => {
    const x = new ExcelDouble();
    x.install();
    let tries = 0;
    let create: typeof createOfficeWorkbook | undefined;
    jest.isolateModules(() => {
      jest.doMock("../../src/excel/card", () => {
        if (++tries === 1) throw new Error("chunk failed to load");
        return jest.requireActual("../../src/excel/card");
      });
      create = (jest.requireActual("../../src/taskpane/officeDoor") as typeof import("../../src/taskpane/officeDoor")).createOfficeWorkbook;
    });
    const api = (create as typeof createOfficeWorkbook)(() => new Date(2026, 4, 20, 10, 0));
    await api.install("zh-CN", false, "u");
    await expect(api.card(2)).rejects.toThrow(/chunk failed to load/);
    // The header row holds no customer: the card's own answer, from code fetched again.
    await expect(api.card(1)).resolves.toBeNull();
    expect(tries).toBe(2);
  });
});

it("the clock is read when the action is asked, not once its code has arrived", async () => {
  const x = new ExcelDouble();
  x.install();
  const before = new Date(2026, 4, 20, 23, 59, 59);
  const after = new Date(2026, 4, 21, 0, 0, 1);
  let clock = before;
  const api = createOfficeWorkbook(() => clock);
  await api.install("zh-CN", false, "u");
  seed(x, "CRM_Customers", [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", created: day("2026-05-20") }]);
  const asked = api.overview();
  // Midnight passes while the Overview's code is on its way.
  clock = after;
  const shown = await asked;
  expect(shown.asOf).toBe((await overview(day("2026-05-20"), before)).asOf);
  expect(shown.asOf).not.toBe((await overview(day("2026-05-21"), after)).asOf);
});
