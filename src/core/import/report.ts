import { formatIso, type DayNumber } from "../_lib/calendar";
import type { Lang } from "../i18n/lang";
import { num, text, type PlanValue } from "../plan/plan";
import { sheetName } from "../template/sheets";
import { importText, type ImportTextKey } from "./messages";
import { say } from "../i18n/catalogue";
import { rawString } from "./normalizeRow";
import type { ImportPlan, MatchBy, Outcome, ReportNote } from "./planImport";
import type { ContactCounts } from "./placeContacts";

const OUTCOME: Readonly<Record<Outcome, ImportTextKey>> = { new: "outcomeNew", merged: "outcomeMerged", skipped: "outcomeSkipped", unmatched: "outcomeUnmatched" };
const BY: Readonly<Record<MatchBy, ImportTextKey>> = { id: "byId", name: "byName", mobile: "byMobile", email: "byEmail" };

/** One report note in words. */
export function noteText(n: ReportNote, lang: Lang): string {
  const sep = say(lang, "meta", "listSeparator");
  switch (n.code) {
    case "unclear": return importText(lang, "noteUnclear", { column: n.column, value: n.value });
    case "duplicateOf": return importText(lang, "noteDuplicateOf", { other: n.other, by: importText(lang, BY[n.by]) });
    case "duplicateInSource": return importText(lang, "noteDuplicateInSource", { other: n.other, by: importText(lang, BY[n.by]) });
    case "conflict": return importText(lang, "noteConflict", { column: n.column, value: n.value, other: n.other });
    case "filled": return importText(lang, "noteFilled", { value: n.columns.join(sep) });
    case "nothingNew": return importText(lang, "noteNothingNew");
    case "missingName": return importText(lang, "noteMissingName");
    case "idTaken": return importText(lang, "noteIdTaken", { value: n.value, other: n.other });
    case "extraPhones": return importText(lang, "noteExtraPhones", { value: n.value });
    case "unmatchedCustomer": return importText(lang, "noteUnmatchedCustomer");
    case "ambiguousCustomer": return importText(lang, "noteAmbiguousCustomer", { value: n.value });
    case "ambiguousMatch": return importText(lang, "noteAmbiguousMatch", { value: n.value });
    case "customerWithoutId": return importText(lang, "noteCustomerWithoutId", { other: n.other });
    case "identicalFollowUp": return importText(lang, "noteIdenticalFollowUp");
    case "missingDate": return importText(lang, "noteMissingDate");
    case "futureDate": return importText(lang, "noteFutureDate");
    case "contactsAdded": return importText(lang, "noteContactsAdded", { value: n.count, sheet: sheetName("contacts", lang) });
    case "contactKnown": return importText(lang, "noteContactKnown", { value: n.value, sheet: sheetName("contacts", lang) });
    case "contactNoName": return importText(lang, "noteContactNoName", { column: n.column });
    case "contactsNotAdded": return importText(lang, "noteContactsNotAdded", { value: n.count });
    case "contactsNoCustomerId": return importText(lang, "noteContactsNoCustomerId", { value: n.count });
  }
}

export function outcomeText(o: Outcome, lang: Lang): string {
  return importText(lang, OUTCOME[o]);
}

/**
 * `read N = new A + merged B + skipped C, D flagged` in words, then what became of the source's
 * numbered contacts when it has any.
 */
export function countsText(plan: ImportPlan, lang: Lang): string {
  const c = plan.counts;
  const rows = importText(lang, "reportSummary", { read: c.read, added: c.added, merged: c.merged, skipped: c.skipped, flagged: c.flagged });
  const more = contactsText(plan, lang);
  return more === "" ? rows : `${rows}${importText(lang, "noteSeparator")}${more}`;
}

/** What became of the source's numbered contacts, in words; "" when it has none. */
export function contactsText(plan: ImportPlan, lang: Lang): string {
  const p = plan.contacts;
  const sheet = sheetName("contacts", lang);
  if (p.tableMissing) return importText(lang, "contactsNoTable", { sheet });
  return contactCountsText(p.counts, lang);
}

/**
 * `contacts N = added A + already there B + not added C` in words; "" when the source had none.
 * @example contactCountsText({ found: 2, added: 1, duplicates: 1, notAdded: 0 }, "en-US")
 * // 'contacts 2 = added to the "Contacts" sheet 1 + already there 1 + not added 0'
 */
export function contactCountsText(c: ContactCounts, lang: Lang): string {
  if (c.found === 0) return "";
  return importText(lang, "contactsSummary", { found: c.found, added: c.added, duplicates: c.duplicates, notAdded: c.notAdded, sheet: sheetName("contacts", lang) });
}

/** Header row of the report table (its first row is the header; the title rows sit above it). */
export const REPORT_HEADER_ROW = 4;

/**
 * The 导入报告 / Import report sheet, cell by cell: a title, the accounting, then one row per source
 * row not imported cleanly — source file, source row, outcome, the customer it went to, what
 * happened, and the row's original values under the source's own headers. Everything is text
 * (original values too: a report shows what was there, it never computes).
 */
export function reportSheet(plan: ImportPlan, lang: Lang, today: DayNumber): { readonly name: string; readonly rows: PlanValue[][] } {
  const sep = importText(lang, "noteSeparator");
  const rows: PlanValue[][] = [
    [text(importText(lang, "reportTitle", { file: plan.sourceName, target: sheetName(plan.kind === "customers" ? "customers" : "followUps", lang), date: formatIso(today) }))],
    [text(countsText(plan, lang))],
    [plan.report.length === 0 ? text(importText(lang, "reportNone")) : text("")],
    [text(importText(lang, "colFile")), text(importText(lang, "colRow")), text(importText(lang, "colOutcome")), text(importText(lang, "colTarget")), text(importText(lang, "colNotes")), ...plan.header.headers.map((h) => text(h))],
  ];
  for (const r of plan.report) {
    rows.push([
      text(plan.sourceName), num(r.sourceRow), text(outcomeText(r.outcome, lang)), text(r.target), text(r.notes.map((n) => noteText(n, lang)).join(sep)),
      ...plan.header.headers.map((_h, i) => text(rawString(r.original[i] ?? null))),
    ]);
  }
  return { name: importText(lang, "reportSheet"), rows };
}
