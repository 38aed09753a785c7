import { CONTACT_COLUMNS } from "../core/contacts/columns";
import { contactsByCustomer, readContacts } from "../core/contacts/readContacts";
import { contactLines } from "../core/contacts/contactLines";
import type { DayNumber } from "../core/_lib/calendar";
import type { RawCell, TableModel } from "../core/model/workbookModel";
import { parseDate, parseText } from "../core/model/parse";
import { idKey } from "../core/followup/history";
import { grade } from "../core/usecases/grade";
import { gradeLabel, renderReason } from "../core/i18n/messages";
import { maskPhone } from "../core/checks/privacy";
import { ExcelDoorError, wrap } from "./errors";
import { readStructure, toRaw, type TableInfo } from "./structure";
import { readColumns, tableModel, workbookModel } from "./readModel";
import { latestOnly } from "./latest";
import { say } from "../core/i18n/catalogue";
import type { CustomerCard } from "./usecases";

/** How long the card waits for the selection to settle before reading. */
export const CARD_WAIT_MS = 150;
const FU_KEYS = ["date", "customerId", "nextDate", "summary", "method", "by"] as const;

/** Follow-up data rows (0-based) by normalised Customer ID, as of the last time the ID column was read. */
interface FollowUpIndex {
  readonly headerRowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly rows: ReadonlyMap<string, readonly number[]>;
}

/** The 1-based worksheet columns an `A1` or `A1:C9` address spans. */
function columnsOf(address: string): { readonly from: number; readonly to: number } | null {
  const local = address.split("!").pop() ?? "";
  const parts = local.replace(/\$/g, "").split(":");
  const col = (p: string) => {
    const m = /^([A-Z]+)\d*$/.exec(p);
    if (!m?.[1]) return null;
    let n = 0;
    for (const ch of m[1]) n = n * 26 + ch.charCodeAt(0) - 64;
    return n;
  };
  const a = col(parts[0] ?? "");
  const b = col(parts[1] ?? parts[0] ?? "");
  return a === null || b === null ? null : { from: Math.min(a, b), to: Math.max(a, b) };
}

/**
 * The customer card behind the pane's selection: debounced, newest reply only, and reading only the
 * selected customer's row and that customer's follow-up rows, found through an index of the
 * Follow-ups ID column. The index is built once and dropped when the Follow-ups sheet changes in a
 * way that can move IDs (an edit of the ID column, rows inserted, deleted or sorted: by anyone, us
 * included); rows it points at are checked when read, so a stale index costs a rebuild, never a
 * wrong card.
 */
export class CardSource {
  private index: FollowUpIndex | null = null;
  private watching: Promise<void> | null = null;
  private readonly debounced: (row: number) => Promise<CustomerCard | null>;
  constructor(private readonly today: () => DayNumber, waitMs = CARD_WAIT_MS) {
    this.debounced = latestOnly((row: number) => this.read(row), waitMs);
  }

  /** The card for a worksheet row of the Customers sheet (null when it is not a customer row). */
  card(row: number): Promise<CustomerCard | null> {
    return this.debounced(row);
  }

  /** Called with each change of the Follow-ups sheet. */
  noteChange(address: string, changeType: string): void {
    const ix = this.index;
    if (!ix) return;
    const cols = columnsOf(address);
    const idColumn = ix.columnIndex + 1;
    if (changeType !== "RangeEdited" || !cols || (cols.from <= idColumn && cols.to >= idColumn)) this.index = null;
  }

  private async watch(sheetName: string): Promise<void> {
    this.watching ??= Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem(sheetName).onChanged.add(async (e) => { this.noteChange(e.address, e.changeType); });
      await context.sync();
    }).catch(() => { this.watching = null; });
    return this.watching;
  }

  private async read(row: number): Promise<CustomerCard | null> {
    try {
      return await Excel.run({ delayForCellEdit: true }, (context) => this.readIn(context, row, true));
    } catch (e) {
      throw wrap(e, "card");
    }
  }

  private async buildIndex(context: Excel.RequestContext, fu: TableInfo): Promise<FollowUpIndex> {
    const cols = (await readColumns(context, [{ info: fu, keys: ["customerId"] }])).get(fu)?.customerId ?? [];
    const rows = new Map<string, number[]>();
    cols.forEach((v, i) => {
      const k = idKey(parseText(v));
      if (k === "") return;
      const list = rows.get(k) ?? [];
      list.push(i);
      rows.set(k, list);
    });
    return { headerRowIndex: fu.headerRowIndex, columnIndex: fu.columnIndex + (fu.positions.customerId ?? 0), rowCount: fu.rowCount, rows };
  }

  private async readIn(context: Excel.RequestContext, row: number, retry: boolean): Promise<CustomerCard | null> {
    // The selected row is read in the structure's sync: the Customers table's cells on that row.
    const cuTable = context.workbook.tables.getItemOrNullObject("CRM_Customers");
    const rowRange = cuTable.getRange().getIntersectionOrNullObject(cuTable.worksheet.getRange(`${row}:${row}`)).load("values");
    const s = await readStructure(context);
    const cu = s.tables.customers;
    if (!cu?.exists) throw new ExcelDoorError("NotInstalled", say(s.lang, "door", "notInstalled"), "card");
    const fu = s.tables.followUps?.exists ? s.tables.followUps : null;
    const index = row - cu.headerRowIndex - 2;
    if (rowRange.isNullObject || index < 0 || index >= cu.rowCount) return null;
    const values = (rowRange.values[0] ?? []).map(toRaw);
    const cuModel: TableModel = {
      sheet: "customers", sheetName: cu.sheetName, headerRow: row - 1, firstColumn: cu.columnIndex + 1, rowCount: 1,
      headers: cu.headers, positions: cu.positions, cols: Object.fromEntries(Object.entries(cu.positions).map(([k, p]) => [k, [values[p] ?? null]])),
    };
    const key = idKey(parseText(values[cu.positions.id ?? -1] ?? null));
    // The Contacts table is small (people, not history): its rows are queued now so they come back with
    // the follow-up reads' sync instead of costing a sync of their own.
    const ct = s.tables.contacts?.exists && s.tables.contacts.rowCount > 0 ? s.tables.contacts : null;
    const ctRange = ct ? context.workbook.worksheets.getItem(ct.sheetName).getRangeByIndexes(ct.headerRowIndex + 1, ct.columnIndex, ct.rowCount, ct.headers.length).load("values") : null;
    let ctSynced = false;
    let fuRows: RawCell[][] = [];
    if (fu && key !== "") {
      void this.watch(fu.sheetName);
      const ix = this.index;
      const fresh = ix && ix.headerRowIndex === fu.headerRowIndex && ix.rowCount === fu.rowCount && ix.columnIndex === fu.columnIndex + (fu.positions.customerId ?? 0) ? ix : await this.buildIndex(context, fu);
      this.index = fresh;
      const mine = fresh.rows.get(key) ?? [];
      const sheet = context.workbook.worksheets.getItem(fu.sheetName);
      const ranges = mine.map((i) => sheet.getRangeByIndexes(fu.headerRowIndex + 1 + i, fu.columnIndex, 1, fu.headers.length).load("values"));
      if (ranges.length > 0 || ctRange) {
        await context.sync();
        ctSynced = true;
      }
      fuRows = ranges.map((r) => (r.values[0] ?? []).map(toRaw));
      const idAt = fu.positions.customerId ?? -1;
      if (fuRows.some((r) => idKey(parseText(r[idAt] ?? null)) !== key)) {
        // The rows moved since the index was built: build it again, once.
        this.index = null;
        if (retry) return this.readIn(context, row, false);
        fuRows = fuRows.filter((r) => idKey(parseText(r[idAt] ?? null)) === key);
      }
    }
    const fuModel: TableModel | null = fu ? {
      sheet: "followUps", sheetName: fu.sheetName, headerRow: fu.headerRowIndex + 1, firstColumn: fu.columnIndex + 1, rowCount: fuRows.length,
      headers: fu.headers, positions: fu.positions,
      cols: Object.fromEntries(FU_KEYS.filter((k) => fu.positions[k] !== undefined).map((k) => [k, fuRows.map((r) => r[fu.positions[k] as number] ?? null)])),
    } : null;
    const today = this.today();
    const plan = grade(workbookModel(s, cuModel, fuModel), today);
    const r = plan.results[0];
    if (!r) return null;
    const recent: Array<{ date: DayNumber; method: string; summary: string; by: string }> = [];
    const at = (k: string, rowCells: readonly RawCell[]) => rowCells[fu?.positions[k] ?? -1] ?? null;
    for (const f of fuRows) {
      const d = parseDate(at("date", f));
      if (d.ok && d.value <= today) recent.push({ date: d.value, method: parseText(at("method", f)), summary: parseText(at("summary", f)), by: parseText(at("by", f)) });
    }
    recent.sort((a, b) => b.date - a.date);
    if (ctRange && !ctSynced) await context.sync();
    const ctRows = ctRange ? ctRange.values : [];
    const people: Record<string, RawCell[]> = {};
    for (const c of CONTACT_COLUMNS) {
      const p = ct?.positions[c.key];
      if (p !== undefined) people[c.key] = ctRows.map((r) => toRaw(r[p]));
    }
    return {
      id: r.record.id, name: r.record.name, row, grade: r.grade, reason: r.reason ? renderReason(r.reason, s.lang) : gradeLabel(r.grade, s.lang),
      status: r.derived.status, nextDue: r.derived.nextDue, daysToDue: r.derived.daysToDue,
      phoneMasked: maskPhone(parseText(values[cu.positions.phone ?? -1] ?? null)), recent: recent.slice(0, 5),
      contacts: contactLines(contactsByCustomer(ct ? readContacts(tableModel(ct, people)) : []), r.record.id, s.lang),
    };
  }
}
