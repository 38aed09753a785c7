import type { RawCell, TableModel } from "../model/workbookModel";
import type { Lang } from "../i18n/lang";
import { STATUS_LABELS, GRADE_LABELS } from "../i18n/labels";
import { stageLabels, CLOSED_STAGES, MAINTENANCE_STAGES, type StageKey } from "../template/lists";

const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const stageSet = (keys: readonly StageKey[]) => lowerSet(stageLabels(keys));
const CLOSED = stageSet(CLOSED_STAGES);
const MAINTENANCE = stageSet(MAINTENANCE_STAGES);
const NO_SIGNAL_GRADES = lowerSet(["C", GRADE_LABELS.toAssess["zh-CN"], GRADE_LABELS.toAssess["en-US"]]);

const isEmpty = (v: RawCell | undefined) => v === null || v === undefined || v === "";
const lowerText = (v: RawCell | undefined) => (typeof v === "string" ? v.toLowerCase() : null);

/**
 * The Status column as its live formula shows it today, evaluated from the same cells the formula
 * reads (Stage, Grade, Last contact, Created, Next follow-up as they stand on the sheet) — not from
 * a fresh grading — so "overdue" on the dashboard is the count of rows the sheet shows as 逾期.
 * A date cell holding text makes the formula's comparison false, and so here.
 * @example liveStatuses(customers, today, 180, "zh-CN")[0] // "逾期"
 */
export function liveStatuses(t: TableModel, today: number, dormantDays: number, lang: Lang): RawCell[] {
  const col = (k: string) => t.cols[k] ?? [];
  const [id, name, stage, grade, last, created, next] = ["id", "name", "stage", "grade", "lastContact", "created", "nextDue"].map(col) as Array<readonly RawCell[]>;
  const L = (k: keyof typeof STATUS_LABELS) => STATUS_LABELS[k][lang];
  const out: RawCell[] = new Array<RawCell>(t.rowCount).fill(null);
  for (let i = 0; i < t.rowCount; i++) {
    if (isEmpty(id?.[i]) && isEmpty(name?.[i])) { out[i] = ""; continue; }
    const st = lowerText(stage?.[i]);
    if (st !== null && CLOSED.has(st)) { out[i] = L("closed"); continue; }
    const lastV = last?.[i];
    const quiet = isEmpty(lastV) ? created?.[i] : lastV;
    const g = lowerText(grade?.[i]);
    const noSignal = (g !== null && NO_SIGNAL_GRADES.has(g)) || (st !== null && MAINTENANCE.has(st));
    if (typeof quiet === "number" && today - quiet >= dormantDays && noSignal) { out[i] = L("dormant"); continue; }
    const due = next?.[i];
    out[i] = typeof due === "number" && today > due ? L("overdue") : L("ok");
  }
  return out;
}
