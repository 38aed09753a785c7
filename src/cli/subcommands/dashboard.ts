import { formatIso } from "../../core/_lib/calendar";
import type { DashboardFigures } from "../../core/dashboard";
import { TIER_KEYS } from "../../core/dashboard/figures";
import { healthText } from "../../core/health/messages";
import { dashText } from "../../core/dashboard/messages";
import type { Lang } from "../../core/i18n/lang";
import { gradeLabel } from "../../core/i18n/messages";
import { displayWidth } from "../../core/template/guide";
import { dashboardFile, type FileDashboardOutcome } from "../../xlsx/dashboard";
import { needFile, type Parsed } from "../args";
import type { Run } from "../io";
import { wallNowOn } from "./complaint";

const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const n = (x: number | null) => (x === null ? "—" : x.toLocaleString("en-US", { maximumFractionDigits: 1 }));

/** The dashboard's tables as plain text, in the workbook's language. */
export function dashboardText(o: FileDashboardOutcome, file: string): string {
  const f: DashboardFigures = o.figures;
  const lang: Lang = o.lang;
  const T = (k: Parameters<typeof dashText>[1], v?: Record<string, string | number>) => dashText(lang, k, v);
  const table = (title: string, head: readonly string[], rows: ReadonlyArray<readonly string[]>) => {
    const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
    const line = (cells: readonly string[]) => `  ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join("  ")}`.trimEnd();
    return [title, line(head), ...rows.map(line)].join("\n");
  };
  const k = f.kpi;
  const stale = o.lastGraded === null ? T("neverGraded") : formatIso(o.lastGraded) !== f.asOf ? T("staleGrades", { date: formatIso(o.lastGraded) }) : null;
  const parts = [
    T("cliBuilt", { file, sheet: o.sheet, cells: o.cells, charts: o.charts, date: f.asOf }) + (stale ? `\n${stale}` : ""),
    table(T("title"), [T("kpiOpen"), T("kpiA"), T("kpiOverdue"), T("kpiDormant"), T("kpiDueThisWeek"), T("kpiFollowUps7d"), T("kpiWonThisMonth"), T("kpiWonAmountThisMonth")],
      [[k.open, k.a, k.overdue, k.dormant, k.dueThisWeek, k.followUps7d, k.wonThisMonth, k.wonAmountThisMonth].map(n)]),
    table(T("secGrades"), [T("colGrade"), T("colCustomers")], f.grades.map((g) => [gradeLabel(g.grade, lang), n(g.count)])),
    table(T("secHealth"), [T("colTier"), T("colCustomers")], [
      ...TIER_KEYS.map((t) => [healthText(lang).tier[t], n(f.tiers[t])]),
      [T("complaintsOpen"), n(f.complaints.open)],
      [T("complaintsLate"), n(f.complaints.late)],
    ]),
    table(T("secIndustries"), [T("colIndustry"), T("colCustomers")], [...f.industries.map((g) => [g.label, n(g.count)]), [T("other"), n(f.otherIndustries)]]),
    table(T("secFunnel"), [T("colStage"), T("colCustomers"), T("colReached"), T("colConversion")], [...f.funnel.map((s) => [s.label, n(s.count), n(s.reached), pct(s.conversion)]), ...f.closed.map((c) => [c.label, n(c.count), "", ""])]),
    table(T("secFollowUps"), [T("colMonth"), T("colFollowUps"), T("colWonCount"), T("colWonAmount")], f.months.map((m) => [m.month, n(m.followUps), n(m.won), n(m.wonAmount)])),
    table(T("secLost"), [T("colReason"), T("colCustomers")], f.lostReasons.map((g) => [g.label, n(g.count)])),
    table(T("secSources"), [T("colSource"), T("colCustomers"), T("colWon"), T("colConversion")], f.sources.map((s) => [s.label, n(s.customers), n(s.won), pct(s.conversion)])),
    table(T("secCycle"), [T("colIndustry"), T("colWonCustomers"), T("colAverage"), T("colMedian", { date: f.asOf })],
      [[T("cycleAll"), n(f.dealCycle.count), n(f.dealCycle.average), n(f.dealCycle.median)], ...f.dealCycle.byIndustry.map((g) => [g.industry, n(g.count), n(g.average), n(g.median)])]),
    table(T("secOwners"), [T("colOwner"), T("colOpen"), T("colA"), T("colOverdue"), T("colDueThisWeek"), T("colFollowUps7d"), T("colANotContacted", { n: "N" }), T("colNewThisWeek")],
      f.owners.map((o2) => [o2.owner, n(o2.open), n(o2.a), n(o2.overdue), n(o2.dueThisWeek), n(o2.followUps7d), n(o2.aNotContacted), n(o2.newThisWeek)])),
  ];
  return parts.join("\n\n");
}

/** `crm-sheets dashboard <file> [--today D] [--json]`: (re)builds the Dashboard sheet and prints its tables. */
export async function dashboard(p: Parsed, { io, today, json, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const o = await dashboardFile(file, today, wallNowOn(today, io.now()));
  io.out(json ? JSON.stringify({ file, today: formatIso(today), sheet: o.sheet, rebuilt: o.rebuilt, cells: o.cells, charts: o.charts, lastGraded: o.lastGraded === null ? null : formatIso(o.lastGraded), figures: o.figures }, null, 2) : dashboardText(o, file));
  return 0;
}
