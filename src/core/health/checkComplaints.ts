import type { DayNumber } from "../_lib/calendar";
import type { Issue } from "../issues/issue";
import type { WorkbookModel } from "../model/workbookModel";
import { cell } from "../model/workbookModel";
import { parseText } from "../model/parse";
import { headerLookup } from "../model/customers";
import { idKey } from "../followup/history";
import { IssueSink } from "../issues/issueSink";
import { COMPLAINT_COLUMNS } from "./columns";
import { readComplaints } from "./complaints";
import { dayOf, formatDateTime } from "./wallClock";

/**
 * The data check's part for the Complaints table: a complaint for a customer who is not on the
 * Customers sheet, blank required cells, unreadable times, a receipt after today, a satisfaction
 * outside 1–5. `known` holds the customers' normalised IDs.
 */
export function checkComplaints(model: WorkbookModel, known: ReadonlySet<string>, today: DayNumber): Issue[] {
  const t = model.complaints;
  if (!t) return [];
  const sink = new IssueSink(t, headerLookup(t, model.lang, [...COMPLAINT_COLUMNS]));
  for (const d of COMPLAINT_COLUMNS) if (d.required && t.positions[d.key] === undefined) sink.push("missingColumn", d.key, null);
  for (const r of readComplaints(t, sink)) {
    const i = r.index;
    for (const d of COMPLAINT_COLUMNS) {
      if (d.required && t.positions[d.key] !== undefined && parseText(cell(t, d.key, i)) === "") sink.push("missingRequired", d.key, i);
    }
    if (r.customerId !== "" && !known.has(idKey(r.customerId))) sink.push("unknownCustomerId", "customerId", i, r.customerId);
    if (r.receivedAt !== null && dayOf(r.receivedAt) > today) sink.push("futureComplaint", "receivedAt", i, formatDateTime(r.receivedAt));
    const s = cell(t, "satisfaction", i);
    const v = typeof s === "number" ? s : parseText(s) === "" ? null : Number(parseText(s));
    if (v !== null && !(Number.isInteger(v) && v >= 1 && v <= 5)) sink.push("satisfactionRange", "satisfaction", i, parseText(s));
  }
  return sink.issues;
}
