import type { DayNumber } from "../core/_lib/calendar";
import type { Issue } from "../core/issues/issue";
import { grade, type GradeSummary } from "../core/usecases/grade";
import { check } from "../core/usecases/check";
import { planFollowUp, type FollowUpInput } from "../core/usecases/logFollowUp";
import { date, type PlanValue } from "../core/plan/plan";
import { normalizeLabel } from "../core/model/headers";
import { META_ROWS } from "../core/rules/ruleDefs";
import type { Lang } from "../core/i18n/lang";
import { Book, XlsxError } from "./book";
import { readBook, type Located, type ReadResult } from "./read";
import { applyPatchesInPieces, type SheetPatch, type SheetWrites, type TablePatch } from "./write";
import { shiftFormula } from "./formula";
import { atomicWrite, readFileChecked, type SaveProbe } from "./save";

import { GRADE_READ_KEYS as GRADE_KEYS, HISTORY_READ_KEYS as HISTORY_KEYS } from "../core/usecases/grade";
import { COMPLAINT_READ_KEYS } from "../core/health/columns";
import type { WallTime } from "../core/health/wallClock";

/** Grading asks of the Status column only whether its live formula is there, not what it says. */
const GRADE_FORMULA_MARKS = ["status"] as const;

export interface FileGradeOutcome {
  readonly lang: Lang;
  readonly summary: GradeSummary;
  readonly issues: readonly Issue[];
  readonly cellsWritten: number;
  readonly idsFilled: number;
}

function open(file: string): Book {
  return new Book(readFileChecked(file));
}

function set(writes: SheetWrites, row: number, col: number, v: PlanValue): void {
  let r = writes.get(row);
  if (!r) {
    r = new Map();
    writes.set(row, r);
  }
  r.set(col, v);
}

function rulesDateWrite(r: ReadResult, today: DayNumber): SheetPatch | null {
  const rl = r.rules;
  if (!rl) return null;
  const labels = [META_ROWS.lastGraded["zh-CN"], META_ROWS.lastGraded["en-US"]].map(normalizeLabel);
  const row = r.model.rules.find((x) => labels.includes(normalizeLabel(x.label)));
  if (!row) return null;
  const writes: SheetWrites = new Map();
  set(writes, row.row, rl.firstCol + 1, date(today));
  return { path: rl.sheet.path, writes };
}

/** Merges patches aimed at the same sheet part (a workbook may keep two of our tables on one sheet). */
function merge(patches: ReadonlyArray<SheetPatch | null>): SheetPatch[] {
  const byPath = new Map<string, SheetPatch>();
  for (const p of patches) {
    if (!p) continue;
    const prev = byPath.get(p.path);
    if (!prev) { byPath.set(p.path, p); continue; }
    const writes: SheetWrites = new Map(prev.writes);
    for (const [row, cells] of p.writes) for (const [c, v] of cells) set(writes, row, c, v);
    byPath.set(p.path, { ...prev, ...p, writes });
  }
  return [...byPath.values()];
}

/** Grade a file: same core as the add-in; only derived cells, filled IDs and the Rules date change. */
export type Phase = "read" | "grade" | "write" | "done";

export async function gradeFile(file: string, today: DayNumber, probe?: SaveProbe, onPhase?: (p: Phase) => void, now?: WallTime): Promise<FileGradeOutcome> {
  onPhase?.("read");
  const book = open(file);
  const { outcome, patches } = await planGradeWrites(book, today, onPhase, now);
  const out = await applyPatchesInPieces(book, patches, []);
  // Nothing differs from what the file already holds: the file is left as it is, byte for byte.
  if (out !== null) atomicWrite(file, out, probe);
  onPhase?.("done");
  return outcome;
}

/**
 * Reads, grades and turns the plan into sheet writes. Its own function so that what was read —
 * a million follow-ups at the largest — is no longer reachable while the sheets are written.
 */
async function planGradeWrites(book: Book, today: DayNumber, onPhase?: (p: Phase) => void, now?: WallTime): Promise<{ outcome: FileGradeOutcome; patches: SheetPatch[] }> {
  const r = await readBook(book, { customers: [...GRADE_KEYS], followUps: [...HISTORY_KEYS], complaints: [...COMPLAINT_READ_KEYS], formulaMarks: GRADE_FORMULA_MARKS, rewrite: true });
  onPhase?.("grade");
  const plan = grade(r.model, today, now);
  onPhase?.("write");
  const cu = r.customers as Located;
  const writes: SheetWrites = new Map();
  let cells = 0;
  const cols: Array<{ col: number; values: ReadonlyArray<PlanValue | null> }> = [];
  for (const w of plan.writes) {
    const p = cu.positions[w.key];
    if (p === undefined) continue;
    cols.push({ col: cu.firstCol + p, values: w.values });
    for (const v of w.values) if (v !== null) cells++;
  }
  for (const f of plan.idFills) {
    const p = cu.positions[f.key];
    if (p !== undefined) { set(writes, cu.headerRow + 1 + f.index, cu.firstCol + p, f.value); cells++; }
  }
  const patches = merge([{ path: cu.sheet.path, writes, columns: { firstRow: cu.headerRow + 1, cols } }, rulesDateWrite(r, today)]);
  return { outcome: { lang: r.model.lang, summary: plan.summary, issues: plan.issues, cellsWritten: cells, idsFilled: plan.idFills.length }, patches };
}

export interface FileLogOutcome {
  readonly row: number;
  readonly customer: string;
  readonly nextDue: DayNumber | null;
  readonly lang: Lang;
}

/**
 * Append one follow-up as Excel does when a table grows: the row below the table, the table's
 * range and filter, validation and highlight ranges extended; that customer's derived cells.
 */
export async function logFile(file: string, input: FollowUpInput, today: DayNumber, probe?: SaveProbe): Promise<FileLogOutcome> {
  const book = open(file);
  const r = await readBook(book, { customers: [...GRADE_KEYS], followUps: [...HISTORY_KEYS], complaints: [...COMPLAINT_READ_KEYS], formulaMarks: GRADE_FORMULA_MARKS, rewrite: true });
  const fu = r.followUps;
  const cu = r.customers as Located;
  if (!fu) throw XlsxError.of("noFollowUpSheet", {});
  const plan = planFollowUp(r.model, input, today);
  const fillPlaceholder = fu.lastRowBlank && fu.lastRow === fu.headerRow + 1;
  const row = fillPlaceholder ? fu.lastRow : fu.lastRow + 1;
  if (!fillPlaceholder && fu.belowOccupied) {
    throw XlsxError.of("belowFollowUpsTaken", { row }, { sheet: fu.sheet.name, row });
  }
  const fuWrites: SheetWrites = new Map();
  for (const [key, v] of Object.entries(plan.row)) {
    const p = fu.positions[key];
    if (p !== undefined && v.kind !== "blank") set(fuWrites, row, fu.firstCol + p, v);
  }
  // Calculated columns of the table (e.g. a user's own formula) are carried into the new row.
  if (fu.table && !fillPlaceholder) {
    fu.table.columns.forEach((c, i) => {
      // The column's formula is written for the table's first data row; the new row reads it moved down.
      if (c.calculated) set(fuWrites, row, fu.firstCol + i, { kind: "formula", formula: `=${shiftFormula(c.calculated, row - fu.headerRow - 1, 0)}` });
    });
  }
  const cuWrites: SheetWrites = new Map();
  for (const w of plan.customerWrites) {
    const p = cu.positions[w.key];
    if (p !== undefined) set(cuWrites, cu.headerRow + 1 + w.index, cu.firstCol + p, w.value);
  }
  const growth = fillPlaceholder ? undefined : { from: fu.lastRow, to: row };
  const patches = merge([{ path: fu.sheet.path, writes: fuWrites, newRowStyles: fu.lastRowStyles, ...(growth ? { growth } : {}) }, { path: cu.sheet.path, writes: cuWrites }]);
  const tables: TablePatch[] = growth && fu.table ? [{ path: fu.table.path, xml: fu.table.xml, from: growth.from, to: growth.to }] : [];
  const out = await applyPatchesInPieces(book, patches, tables);
  if (out !== null) atomicWrite(file, out, probe);
  return { row, customer: plan.customer.record.id, nextDue: plan.customer.derived.nextDue, lang: r.model.lang };
}

export async function checkFile(file: string, today: DayNumber): Promise<{ lang: Lang; issues: Issue[] }> {
  const book = open(file);
  const r = await readBook(book, { customers: "all", followUps: "all", contacts: "all" });
  return { lang: r.model.lang, issues: check(r.model, today) };
}

/** The workbook's template version and language, or null when it is not one of ours. */
export async function templateInfo(file: string): Promise<{ version: number | null; lang: Lang } | null> {
  const book = open(file);
  try {
    const r = await readBook(book, { customers: ["id"], followUps: ["date"] });
    return { version: r.model.templateVersion, lang: r.model.lang };
  } catch (e) {
    if (e instanceof XlsxError) return null;
    throw e;
  }
}

