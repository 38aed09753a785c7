import type { RawCell, TableModel } from "../model/workbookModel";
import type { Lang } from "../i18n/lang";
import type { Rules } from "../rules/rules";
import { readComplaints } from "../health/complaints";
import { complaintStatus } from "../health/complaintStatus";
import { healthText } from "../health/messages";
import type { WallTime } from "../health/wallClock";

/**
 * The SLA status column as its live formula shows it at `now`, evaluated from the times it reads
 * (received, first response, solved, called back), not from the cells' cached text — so the
 * dashboard's open and late complaints are the rows the sheet shows as open and late, as Overdue
 * is for the Status column. A row without a readable receipt time shows "", as the formula does.
 * @example liveComplaintStatuses(complaints, rules, now, "zh-CN")[0] // "响应超时"
 */
export function liveComplaintStatuses(t: TableModel, rules: Rules, now: WallTime, lang: Lang): RawCell[] {
  const labels = healthText(lang).complaintStatus;
  const out: RawCell[] = new Array<RawCell>(t.rowCount).fill("");
  for (const r of readComplaints(t, null)) {
    const s = complaintStatus(r, rules, now);
    out[r.index] = s === null ? "" : labels[s];
  }
  return out;
}
