import { planInstall } from "../../src/core/usecases/planInstall";
import { sampleRows } from "../../src/cli/sampleData";
import { parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { REPS } from "../../src/core/demo/people";
import type { PlanValue } from "../../src/core/plan/plan";

const teamRows = (rows: ReadonlyArray<readonly PlanValue[]>): string[] => rows.map((r) => (r[0]?.kind === "text" ? r[0].text : ""));
const teamTable = (plan: ReturnType<typeof planInstall>) => plan.sheets.flatMap((s) => s.tables).find((t) => t.name === "CRM_T_team");

describe("the demo's sales team", () => {
  it("fills the Sales team list, so the Owner and By dropdowns list the reps", () => {
    const plan = planInstall("zh-CN", sampleRows({ customers: 20, today: parseIsoDay("2026-05-20") as DayNumber, lang: "zh-CN" }));
    // The pool (公海) is the list's first entry: released customers carry it as their Owner.
    expect(teamRows(teamTable(plan)?.rows ?? [])).toEqual(["公海", ...REPS.map((r) => r.name)]);
  });
  it("leaves the list to the manager in a plain install (the pool aside)", () => {
    expect(teamTable(planInstall("en-US"))?.rows).toEqual([[{ kind: "text", text: "Pool" }]]);
  });
});
