/**
 * A strict in-memory stand-in for the Excel JavaScript API, for adapter tests without Excel.
 * It behaves as Excel does where our code depends on it: writes are queued and applied on
 * `context.sync()`; reading a property that was not loaded and synced throws PropertyNotLoaded;
 * strings written into General cells are parsed as typing parses them; validation and
 * conditional-format limits are enforced; syncs and payload bytes are counted.
 *
 * The member lists (`*_API`) are typed against @types/office-js: a misspelt member does not compile.
 */
import { cols, colToLetters, contains, intersects, MAX_ROWS, parseA1, quoteSheet, rectToA1, rows, splitSheet, type Rect } from "./a1";
import { SheetStore, WorkbookStore, type Cell, type CellValue, type ChartEntry, type ChartSeriesEntry, type ConditionalFormatEntry, type TableStore } from "./store";
import { apiSetOf, enumValues, formatVersion, manifestSets, supports, type ApiSet, type HostSets } from "./apiSets";
import { deleteRows, inheritRows, insertColumns, insertRows, rowTemplate, sortTable } from "./rowOps";

export class DoubleError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(readonly code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

export interface DoubleLimits {
  /** Excel on the web: 5 MB per request and per response. */
  readonly requestBytes?: number;
  readonly responseBytes?: number;
  /** Reads over this many cells fail (Excel returns nothing useful past ~5 million). */
  readonly cellsPerRead?: number;
}

export interface DoubleOptions {
  readonly limits?: DoubleLimits;
  /** Excel's AutoCorrect "include new rows in table" option. */
  readonly autoExpandTables?: boolean;
  /** Called before each sync with its 1-based number across the double; throw to inject a failure. */
  readonly beforeSync?: (n: number) => void;
  /**
   * The requirement sets the host has (`{ ExcelApi: "1.9" }`); a call needing more fails with
   * ApiNotFound at sync, as Excel does. Defaults to the manifest's MinVersion: the oldest host we install on.
   */
  readonly apiSets?: HostSets;
  /**
   * Members this host lacks although its sets name them (`"PageLayout.zoom"`): a platform gap or
   * a failure partway through a batch, to show what a batch leaves behind when it stops there.
   */
  readonly missingMembers?: readonly string[];
}

/** Excel's sheet-name rules (its rename dialog and the file format): not blank, ≤ 31 characters, none of \ / ? * [ ] :, no apostrophe first or last, not "History". */
export function sheetNameProblem(n: string): string | null {
  if (n.length === 0) return "is blank";
  if (n.length > 31) return "is longer than 31 characters";
  if (/[\\/?*[\]:]/.test(n)) return "contains one of \\ / ? * [ ] :";
  if (n.startsWith("'") || n.endsWith("'")) return "begins or ends with an apostrophe";
  if (n.toLowerCase() === "history") return "is reserved (History)";
  return null;
}

/** Office.js truncates a getRange/getRanges address at this many characters (troubleshooting doc; office-js#5198). */
export const ADDRESS_LIMIT = 8192;

export const WEB_LIMITS: DoubleLimits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 };

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
}

type Action = { readonly bytes: number; readonly run: () => number | void };

const notLoaded = (prop: string) =>
  new DoubleError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x);
  return s === undefined ? 0 : new TextEncoder().encode(s).length;
}

const TEXT_FORMAT = "@";

/** What typing `s` into a cell with number format `nf` stores (Excel's parse-as-you-type). */
export function parseTyped(s: string, nf: string): { v: CellValue; f: string | null; nf: string } {
  if (nf === TEXT_FORMAT) return { v: s, f: null, nf };
  if (s === "") return { v: "", f: null, nf };
  if (s.startsWith("=") && s.length > 1) return { v: null, f: s, nf };
  const num = s.replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(num.trim())) return { v: Number(num), f: null, nf };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(s.trim())) return { v: Number(s.trim().slice(0, -1)) / 100, f: null, nf: nf === "General" ? "0%" : nf };
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s.trim());
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    const check = new Date(ms);
    if (check.getUTCMonth() === Number(d[2]) - 1) return { v: ms / 86_400_000 + 25569, f: null, nf: nf === "General" ? "yyyy-mm-dd" : nf };
  }
  if (/^(true|false)$/i.test(s.trim())) return { v: s.trim().toUpperCase() === "TRUE", f: null, nf };
  // A leading +, - or @ starts a formula when typed, like =.
  if (/^[+\-@]/.test(s)) return { v: "#NAME?", f: `=${s.replace(/^@/, "")}`, nf };
  return { v: s, f: null, nf };
}

/** Excel refuses structured references inside validation and conditional-format formulas. */
function refuseStructured(formula: string, where: string): void {
  if (/[A-Za-z_][\w.]*\[/.test(formula)) throw new DoubleError("InvalidArgument", `${where}: structured references are not allowed in this formula`);
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

export class RequestContextDouble {
  readonly workbook: WorkbookDouble;
  /** The run asked Excel to wait while the user edits a cell (`delayForCellEdit`). */
  delayForCellEdit = false;
  private queue: Action[] = [];
  private pendingWrites: Array<{ sheet: SheetStore; rect: Rect }> = [];
  constructor(readonly double: ExcelDouble) {
    this.workbook = new WorkbookDouble(this);
  }
  get store(): WorkbookStore {
    return this.double.store;
  }
  _queue(payload: unknown, run: () => number | void): void {
    this.queue.push({ bytes: jsonBytes(payload) + 40, run });
  }
  /** A call the host lacks: the batch fails when it reaches it (what ran before it stays applied). */
  _requireApi(excelClass: string, member: string, need: ApiSet): void {
    const host = this.double.host;
    if ((host === null || supports(host, need)) && !this.double.options.missingMembers?.includes(`${excelClass}.${member}`)) return;
    this.queue.push({
      bytes: 0,
      run: () => {
        throw new DoubleError("ApiNotFound", `The method or property ${excelClass}.${member} is part of the ${need.set} ${formatVersion(need.version)} requirement set, which is not available in your version of Excel.`);
      },
    });
  }
  /** Which sync is running (a range is bound to cells once per batch). */
  _syncNumber = 0;
  _noteWrite(sheet: SheetStore, rect: Rect): void {
    this.pendingWrites.push({ sheet, rect });
  }
  /** Applies every queued action in order, then fulfils the loads; counts the round trip. */
  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const n = this.double._nextSync();
    this._syncNumber = n;
    this.double.options.beforeSync?.(n);
    // A co-author's edit merged into the workbook between two of our round trips.
    this.double.betweenSyncs?.(n);
    if (this.double.cellEditing) {
      if (!this.delayForCellEdit) throw new DoubleError("InvalidOperation", "The operation can't be performed while the user is editing a cell.");
      // Excel holds the batch until the edit ends; the double lets the person finish typing first.
      this.double.delayedForCellEdit++;
      this.double.cellEditing = false;
    }
    const requestBytes = actions.reduce((s, a) => s + a.bytes, 0);
    const limits = this.double.options.limits ?? {};
    if (limits.requestBytes !== undefined && requestBytes > limits.requestBytes) {
      this.double.syncs.push({ requestBytes, responseBytes: 0, actions: actions.length });
      throw new DoubleError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    let responseBytes = 0;
    try {
      for (const a of actions) responseBytes += a.run() ?? 0;
    } finally {
      this.double.syncs.push({ requestBytes, responseBytes, actions: actions.length });
      const writes = this.pendingWrites;
      this.pendingWrites = [];
      this.double._afterSync(writes, this);
    }
    if (limits.responseBytes !== undefined && responseBytes > limits.responseBytes) {
      throw new DoubleError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    await Promise.resolve();
  }
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly runtime = { enableEvents: true };
}

/** Base of every proxy: strict loads. */
abstract class ProxyBase {
  protected readonly _loaded = new Map<string, unknown>();
  /** Reached through a `*OrNullObject` call: when the object is missing, loads give null (as Excel's null objects do). */
  _orNull = false;
  constructor(readonly context: RequestContextDouble) {}
  _markOrNull(on: boolean): this {
    this._orNull = on;
    return this;
  }
  protected _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    return this._loaded.get(prop) as T;
  }
  /** The value of a property as Excel holds it now (during a sync). */
  protected abstract _read(prop: string): unknown;
  load(props?: string | string[] | { select?: string }): this {
    const list = (typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : props?.select ? props.select.split(",") : []).map((p) => p.trim()).filter(Boolean);
    if (list.length === 0) throw new DoubleError("InvalidArgument", "load() without property names loads everything: name the properties (office-addins/no-empty-load)");
    const cls = EXCEL_CLASS.get(this.constructor);
    if (cls) for (const p of list) {
      const need = apiSetOf(cls, p.split("/")[0] ?? p);
      if (need) this.context._requireApi(cls, p, need);
    }
    this.context._queue({ load: list }, () => {
      let bytes = 0;
      for (const p of list) {
        let v: unknown;
        try {
          v = this._read(p);
        } catch (e) {
          if (!(this._orNull && e instanceof DoubleError && e.code === "ItemNotFound")) throw e;
          v = null;
        }
        this._loaded.set(p, v);
        bytes += jsonBytes(v);
      }
      return bytes;
    });
    return this;
  }
}

export class ClientResultDouble<T> {
  private _value: T | undefined;
  private _done = false;
  _set(v: T): void {
    this._value = v;
    this._done = true;
  }
  get value(): T {
    if (!this._done) throw notLoaded("value");
    return this._value as T;
  }
}

/** Null-object support: `isNullObject` is known only after a sync. */
abstract class NullableProxy extends ProxyBase {
  private _nullKnown = false;
  private _isNull = false;
  protected _checkExists(exists: () => boolean): void {
    this._orNull = true;
    this.context._queue({ nullCheck: true }, () => {
      // The child of a null object (a missing table's worksheet) is a null object too.
      try {
        this._isNull = !exists();
      } catch (e) {
        if (!(e instanceof DoubleError && e.code === "ItemNotFound")) throw e;
        this._isNull = true;
      }
      this._nullKnown = true;
    });
  }
  get isNullObject(): boolean {
    if (!this._nullKnown) throw notLoaded("isNullObject");
    return this._isNull;
  }
}

export class WorkbookDouble extends ProxyBase {
  readonly worksheets: WorksheetCollectionDouble;
  readonly tables: TableCollectionDouble;
  readonly names: NamedItemCollectionDouble;
  readonly settings: SettingCollectionDouble;
  readonly application: ApplicationDouble;
  constructor(context: RequestContextDouble) {
    super(context);
    this.worksheets = new WorksheetCollectionDouble(context);
    this.tables = new TableCollectionDouble(context, null);
    this.names = new NamedItemCollectionDouble(context, null);
    this.settings = new SettingCollectionDouble(context);
    this.application = new ApplicationDouble(context);
  }
  protected _read(prop: string): unknown {
    throw new DoubleError("InvalidArgument", `workbook.${prop} is not modelled`);
  }
  getSelectedRange(): RangeDouble {
    return new RangeDouble(this.context, () => {
      const sel = this.context.store.selection;
      const sheet = sel ? this.context.store.sheetById(sel.sheetId) : this.context.store.sheets[0];
      if (!sheet) throw new DoubleError("ItemNotFound", "no worksheet");
      return { sheet, rect: sel?.rect ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
}

export class ApplicationDouble extends ProxyBase {
  suspended = 0;
  protected _read(prop: string): unknown {
    if (prop === "calculationMode") return "Automatic";
    throw new DoubleError("InvalidArgument", `application.${prop} is not modelled`);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._queue({ suspend: true }, () => {
      this.context.double.calculationSuspensions++;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context._queue({ suspendScreen: true }, () => undefined);
  }
}

export class SettingCollectionDouble extends ProxyBase {
  protected _read(prop: string): unknown {
    throw new DoubleError("InvalidArgument", `settings.${prop} is not modelled`);
  }
  add(key: string, value: unknown): SettingDouble {
    this.context._queue({ key, value }, () => {
      this.context.store.settings.set(key, value);
    });
    return new SettingDouble(this.context, key);
  }
  getItemOrNullObject(key: string): SettingDouble {
    const s = new SettingDouble(this.context, key);
    s._exists();
    return s;
  }
}

export class SettingDouble extends NullableProxy {
  constructor(context: RequestContextDouble, readonly key: string) {
    super(context);
  }
  _exists(): void {
    this._checkExists(() => this.context.store.settings.has(this.key));
  }
  protected _read(prop: string): unknown {
    if (prop === "value") return this.context.store.settings.get(this.key) ?? null;
    if (prop === "key") return this.key;
    throw new DoubleError("InvalidArgument", `setting.${prop} is not modelled`);
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this.context._queue({ v }, () => {
      this.context.store.settings.set(this.key, v);
    });
  }
  delete(): void {
    this.context._queue({ delete: this.key }, () => {
      this.context.store.settings.delete(this.key);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export class WorksheetCollectionDouble extends ProxyBase {
  private _items: WorksheetDouble[] | null = null;
  /** `load("items/name,items/position")` arrives as two paths: the items carry both. */
  private readonly _itemProps = new Set<string>();
  protected _read(prop: string): unknown {
    if (prop === "items" || prop.startsWith("items/")) {
      for (const p of prop.startsWith("items/") ? prop.slice(6).split(",") : ["name", "id", "visibility", "position"]) this._itemProps.add(p);
      this._items = this.context.store.sheets.map((s) => {
        const w = new WorksheetDouble(this.context, () => s);
        w._preload([...this._itemProps]);
        return w;
      });
      return this._items.length;
    }
    if (prop === "count") return this.context.store.sheets.length;
    throw new DoubleError("InvalidArgument", `worksheets.${prop} is not modelled`);
  }
  get items(): WorksheetDouble[] {
    const loaded = [...this._loaded.keys()].some((k) => k === "items" || k.startsWith("items/"));
    if (!loaded || !this._items) throw notLoaded("items");
    return this._items;
  }
  add(name?: string): WorksheetDouble {
    const store = this.context.store;
    let created: SheetStore | null = null;
    this.context._queue({ add: name }, () => {
      const n = name ?? `Sheet${store.sheets.length + 1}`;
      const problem = sheetNameProblem(n);
      if (problem) throw new DoubleError("InvalidArgument", `Invalid worksheet name '${n}': it ${problem}`);
      if (store.sheetByName(n)) throw new DoubleError("ItemAlreadyExists", `A worksheet named '${n}' already exists`);
      created = new SheetStore(store.newId("sheet"), n);
      store.sheets.push(created);
    });
    return new WorksheetDouble(this.context, () => {
      if (!created) throw new DoubleError("ItemNotFound", "worksheet not created yet");
      return created;
    });
  }
  getItem(name: string): WorksheetDouble {
    return new WorksheetDouble(this.context, () => {
      const s = this.context.store.sheetByName(name) ?? this.context.store.sheetById(name);
      if (!s) throw new DoubleError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetDouble {
    const w = this.getItem(name);
    w._nullable(() => this.context.store.sheetByName(name) !== undefined || this.context.store.sheetById(name) !== undefined);
    return w;
  }
  getActiveWorksheet(): WorksheetDouble {
    return new WorksheetDouble(this.context, () => {
      const st = this.context.store;
      const s = (st.activeSheetId && st.sheetById(st.activeSheetId)) || st.sheets[0];
      if (!s) throw new DoubleError("ItemNotFound", "no worksheet");
      return s;
    });
  }
  getCount(): ClientResultDouble<number> {
    const r = new ClientResultDouble<number>();
    this.context._queue({ count: true }, () => r._set(this.context.store.sheets.length));
    return r;
  }
}

export class WorksheetProtectionDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly sheet: () => SheetStore) {
    super(context);
  }
  protected _read(prop: string): unknown {
    if (prop === "protected") return this.sheet().protected;
    throw new DoubleError("InvalidArgument", `protection.${prop} is not modelled`);
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(): void {
    this.context._queue({ protect: true }, () => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("InvalidOperation", `Worksheet '${s.name}' is already protected`);
      s.protected = true;
      this.context.double.undoCleared = true;
    });
  }
  unprotect(): void {
    this.context._queue({ unprotect: true }, () => {
      this.sheet().protected = false;
      this.context.double.undoCleared = true;
    });
  }
}

export class AutoFilterDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly state: () => { enabled: boolean; filtered: boolean }) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "enabled") return this.state().enabled;
    if (prop === "isDataFiltered") return this.state().filtered;
    throw new DoubleError("InvalidArgument", `autoFilter.${prop} is not modelled`);
  }
  get enabled(): boolean { return this._get("enabled"); }
  get isDataFiltered(): boolean { return this._get("isDataFiltered"); }
}

export class FreezePanesDouble {
  constructor(private readonly context: RequestContextDouble, private readonly sheet: () => SheetStore) {}
  freezeRows(count?: number): void {
    this.context._queue({ freezeRows: count }, () => {
      this.sheet().frozenRows = count ?? 1;
    });
  }
}

export type EventHandler<T> = (args: T) => Promise<unknown> | unknown;
export interface ChangedArgs {
  readonly address: string;
  readonly changeType: "RangeEdited";
  readonly source: "Local" | "Remote";
  readonly triggerSource: "Unknown" | "ThisLocalAddin";
  readonly type: "WorksheetChanged";
  readonly worksheetId: string;
}
export interface SelectionArgs {
  readonly address: string;
  readonly type: "WorksheetSelectionChanged";
  readonly worksheetId: string;
}

export class EventDouble<T> {
  constructor(private readonly context: RequestContextDouble, private readonly list: () => Array<EventHandler<T>>) {}
  add(handler: EventHandler<T>): { remove: () => void; context: RequestContextDouble } {
    this.context._queue({ register: true }, () => {
      this.list().push(handler);
    });
    return {
      context: this.context,
      remove: () =>
        this.context._queue({ unregister: true }, () => {
          const l = this.list();
          const i = l.indexOf(handler);
          if (i >= 0) l.splice(i, 1);
        }),
    };
  }
}

export class WorksheetDouble extends NullableProxy {
  readonly protection: WorksheetProtectionDouble;
  readonly freezePanes: FreezePanesDouble;
  readonly tables: TableCollectionDouble;
  readonly names: NamedItemCollectionDouble;
  readonly charts: ChartCollectionDouble;
  readonly onChanged: EventDouble<ChangedArgs>;
  readonly onSelectionChanged: EventDouble<SelectionArgs>;
  constructor(context: RequestContextDouble, readonly _sheet: () => SheetStore) {
    super(context);
    this.protection = new WorksheetProtectionDouble(context, _sheet);
    this.freezePanes = new FreezePanesDouble(context, _sheet);
    this.tables = new TableCollectionDouble(context, _sheet);
    this.names = new NamedItemCollectionDouble(context, _sheet);
    this.charts = new ChartCollectionDouble(context, _sheet);
    this.onChanged = new EventDouble(context, () => context.double._handlers(this._sheet().id).changed);
    this.onSelectionChanged = new EventDouble(context, () => context.double._handlers(this._sheet().id).selection);
  }
  _nullable(exists: () => boolean): void {
    this._checkExists(exists);
  }
  _preload(props: string[]): void {
    for (const p of props) this._loaded.set(p, this._read(p));
  }
  protected _read(prop: string): unknown {
    const s = this._sheet();
    switch (prop) {
      case "name": return s.name;
      case "id": return s.id;
      case "visibility": return s.visibility;
      case "position": return this.context.store.sheets.indexOf(s);
      default: throw new DoubleError("InvalidArgument", `worksheet.${prop} is not modelled`);
    }
  }
  get name(): string { return this._get("name"); }
  set name(v: string) {
    this.context._queue({ name: v }, () => {
      const s = this._sheet();
      const problem = sheetNameProblem(v);
      if (problem) throw new DoubleError("InvalidArgument", `Invalid worksheet name '${v}': it ${problem}`);
      const other = this.context.store.sheetByName(v);
      if (other && other !== s) throw new DoubleError("ItemAlreadyExists", `A worksheet named '${v}' already exists`);
      // Defined names that point into the sheet follow the rename, as in Excel.
      const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const ref = new RegExp(`(^|[=(,:])(${esc(s.name)}|'${esc(s.name.replace(/'/g, "''"))}')!`, "g");
      const maps = [this.context.store.names, ...this.context.store.sheets.map((x) => x.names)];
      for (const m of maps) for (const [k, f] of m) m.set(k, f.replace(ref, (_all, pre: string) => `${pre}${quoteSheet(v)}!`));
      // Charts anywhere that plot this sheet follow the rename, as their series formulas do in Excel.
      const from = `${quoteSheet(s.name)}!`;
      for (const sh of this.context.store.sheets) for (const c of sh.charts) for (const x of c.series) {
        if (x.values.startsWith(from)) x.values = `${quoteSheet(v)}!${x.values.slice(from.length)}`;
        if (x.xValues?.startsWith(from)) x.xValues = `${quoteSheet(v)}!${x.xValues.slice(from.length)}`;
      }
      s.name = v;
    });
  }
  get position(): number { return this._get("position"); }
  /** Moves the sheet to a 0-based place among all sheets (hidden ones count). */
  set position(v: number) {
    this.context._queue({ position: v }, () => {
      const st = this.context.store;
      const s = this._sheet();
      if (!Number.isInteger(v) || v < 0 || v >= st.sheets.length) throw new DoubleError("InvalidArgument", `Position ${v} is outside 0…${st.sheets.length - 1}`);
      st.sheets.splice(st.sheets.indexOf(s), 1);
      st.sheets.splice(v, 0, s);
    });
  }
  get pageLayout(): PageLayoutDouble {
    return new PageLayoutDouble(this.context, this._sheet);
  }
  get horizontalPageBreaks(): PageBreakCollectionDouble {
    return new PageBreakCollectionDouble(this.context, this._sheet, "rows");
  }
  get verticalPageBreaks(): PageBreakCollectionDouble {
    return new PageBreakCollectionDouble(this.context, this._sheet, "columns");
  }
  get autoFilter(): AutoFilterDouble {
    return new AutoFilterDouble(this.context, () => {
      const s = this._sheet();
      return { enabled: s.autoFilter !== null, filtered: s.autoFilter !== null && s.hiddenRows.size > 0 };
    })._markOrNull(this._orNull);
  }
  get id(): string { return this._get("id"); }
  get visibility(): string { return this._get("visibility"); }
  set visibility(v: string) {
    this.context._queue({ visibility: v }, () => {
      const s = this._sheet();
      if (v !== "Visible" && this.context.store.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new DoubleError("InvalidOperation", "A workbook must keep at least one visible worksheet");
      }
      s.visibility = v as SheetStore["visibility"];
    });
  }
  getRange(address?: string): RangeDouble {
    return new RangeDouble(this.context, () => {
      const sheet = this._sheet();
      if (!address) return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 16383 } };
      const { sheet: named, local } = splitSheet(address.slice(0, ADDRESS_LIMIT));
      const target = named ? this.context.store.sheetByName(named) : sheet;
      const rect = parseA1(local);
      if (!target || !rect) throw new DoubleError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${address}'`);
      return { sheet: target, rect };
    });
  }
  /**
   * Several areas, e.g. `"B5,D5"` (ExcelApi 1.9). Past 8,192 characters Office.js cuts the address
   * off: an area cut in two fails the call, one cut at a comma is silently dropped.
   */
  getRanges(address: string): RangeAreasDouble {
    return new RangeAreasDouble(this.context, () => {
      const sheet = this._sheet();
      const rects = address.slice(0, ADDRESS_LIMIT).split(",").map((a) => {
        const { sheet: named, local } = splitSheet(a.trim());
        if (named !== null && this.context.store.sheetByName(named) !== sheet) return null;
        return parseA1(local);
      });
      if (rects.some((r) => r === null)) throw new DoubleError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${address}'`);
      return { sheet, rects: rects as Rect[] };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeDouble {
    return new RangeDouble(this.context, () => {
      if (rowCount < 1 || columnCount < 1) throw new DoubleError("InvalidArgument", "rowCount and columnCount must be at least 1");
      return { sheet: this._sheet(), rect: { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 } };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeDouble {
    return new RangeDouble(this.context, () => {
      const sheet = this._sheet();
      return { sheet, rect: sheet.used(Boolean(valuesOnly)) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    const r = this.getUsedRange(valuesOnly);
    r._nullable(() => this._sheet().used(Boolean(valuesOnly)) !== null);
    return r;
  }
  activate(): void {
    this.context._queue({ activate: true }, () => {
      this.context.store.activeSheetId = this._sheet().id;
    });
  }
  delete(): void {
    this.context._queue({ delete: true }, () => {
      const s = this._sheet();
      if (s.visibility === "VeryHidden") throw new DoubleError("InvalidOperation", "A very hidden worksheet cannot be deleted");
      const st = this.context.store;
      if (!st.sheets.some((x) => x !== s && x.visibility === "Visible")) throw new DoubleError("InvalidOperation", "A workbook must keep at least one visible worksheet");
      st.sheets.splice(st.sheets.indexOf(s), 1);
      for (let i = st.tables.length - 1; i >= 0; i--) if (st.tables[i]?.sheetId === s.id) st.tables.splice(i, 1);
      // Names that pointed into the deleted sheet now read #REF!, as in Excel.
      const ref = new RegExp(`(^|[=(,:])(${s.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|'${s.name.replace(/'/g, "''").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}')!\\$?[A-Z]+\\$?\\d*`, "g");
      for (const [k, f] of st.names) if (ref.test(f)) { ref.lastIndex = 0; st.names.set(k, f.replace(ref, "$1#REF!")); }
      // Its charts go with it; charts elsewhere that plotted its cells now plot #REF!.
      const from = `${quoteSheet(s.name)}!`;
      for (const sh of st.sheets) for (const c of sh.charts) for (const x of c.series) {
        if (x.values.startsWith(from)) x.values = "#REF!";
        if (x.xValues?.startsWith(from)) x.xValues = "#REF!";
      }
      this.context.double.undoCleared = true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface Target {
  readonly sheet: SheetStore;
  readonly rect: Rect;
}

export class RangeDouble extends NullableProxy {
  // Made on first use: a grade creates a few ranges per customer row, most never formatted.
  private _format: RangeFormatDouble | null = null;
  private _dataValidation: DataValidationDouble | null = null;
  private _conditionalFormats: ConditionalFormatCollectionDouble | null = null;
  get format(): RangeFormatDouble { return (this._format ??= new RangeFormatDouble(this.context, this._target)); }
  get dataValidation(): DataValidationDouble { return (this._dataValidation ??= new DataValidationDouble(this.context, this._target)); }
  get conditionalFormats(): ConditionalFormatCollectionDouble { return (this._conditionalFormats ??= new ConditionalFormatCollectionDouble(this.context, this._target)); }
  private _bound: { readonly sync: number; readonly target: Target } | null = null;
  /**
   * Where the range is. Excel binds a range object to cells the first time a batch uses it: a
   * range got by getRowsBelow and written keeps meaning those cells after the table grows over them.
   */
  readonly _target: () => Target;
  constructor(context: RequestContextDouble, resolve: () => Target) {
    super(context);
    this._target = () => {
      const n = context._syncNumber;
      if (this._bound && this._bound.sync === n) return this._bound.target;
      const target = resolve();
      this._bound = { sync: n, target };
      return target;
    };
  }
  _nullable(exists: () => boolean): void {
    this._checkExists(exists);
  }
  get worksheet(): WorksheetDouble {
    return new WorksheetDouble(this.context, () => this._target().sheet);
  }
  protected _read(prop: string): unknown {
    const { sheet, rect } = this._target();
    const limit = this.context.double.options.limits?.cellsPerRead;
    const grid = <T>(f: (c: Cell | undefined) => T): T[][] => {
      if (limit !== undefined && rows(rect) * cols(rect) > limit) throw new DoubleError("ResponsePayloadSizeLimitExceeded", `Reading ${rows(rect) * cols(rect)} cells exceeds the ${limit}-cell limit`);
      const out: T[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: T[] = [];
        const src = sheet.cells.get(r);
        for (let c = rect.c0; c <= rect.c1; c++) row.push(f(src?.get(c)));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "values": return grid((c) => (c ? (c.v ?? "") : ""));
      case "formulas": return grid((c) => (c ? (c.f ?? c.v ?? "") : ""));
      case "numberFormat": return grid((c) => c?.nf ?? "General");
      case "text": return grid((c) => (c ? String(c.v ?? "") : ""));
      case "valueTypes": return grid((c) => (!c || c.v === null || c.v === "" ? "Empty" : typeof c.v === "number" ? "Double" : typeof c.v === "boolean" ? "Boolean" : String(c.v).startsWith("#") ? "Error" : "String"));
      case "address": return `${quoteSheet(sheet.name)}!${rectToA1(rect)}`;
      case "addressLocal": return `${quoteSheet(sheet.name)}!${rectToA1(rect)}`;
      case "rowCount": return rows(rect);
      case "columnCount": return cols(rect);
      case "rowIndex": return rect.r0;
      case "columnIndex": return rect.c0;
      case "cellCount": return rows(rect) * cols(rect);
      default: throw new DoubleError("InvalidArgument", `range.${prop} is not modelled`);
    }
  }
  get values(): unknown[][] { return this._get("values"); }
  set values(v: unknown[][]) { this._write("values", v); }
  get formulas(): unknown[][] { return this._get("formulas"); }
  set formulas(v: unknown[][]) { this._write("formulas", v); }
  get numberFormat(): unknown[][] { return this._get("numberFormat"); }
  set numberFormat(v: unknown[][]) { this._write("numberFormat", v); }
  get text(): string[][] { return this._get("text"); }
  get valueTypes(): string[][] { return this._get("valueTypes"); }
  get address(): string { return this._get("address"); }
  get rowCount(): number { return this._get("rowCount"); }
  get columnCount(): number { return this._get("columnCount"); }
  get rowIndex(): number { return this._get("rowIndex"); }
  get columnIndex(): number { return this._get("columnIndex"); }

  private _write(kind: "values" | "formulas" | "numberFormat", v: unknown): void {
    this.context._queue({ [kind]: v }, () => {
      const { sheet, rect } = this._target();
      const h = rows(rect);
      const w = cols(rect);
      const scalar = !Array.isArray(v);
      if (!scalar) {
        const arr = v as unknown[][];
        if (arr.length !== h || arr.some((row) => !Array.isArray(row) || row.length !== w)) {
          throw new DoubleError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${h}×${w}).`);
        }
      }
      if (kind !== "numberFormat" && h > 1 && spansHiddenAndVisible(this.context.store, sheet, rect)) {
        // office-js#224: a multi-row write across a filter's hidden and shown rows lands values on the wrong rows.
        throw new DoubleError("FilteredRangeConflict", "The attempted operation causes a conflict with a filtered range.");
      }
      if (sheet.protected) {
        for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) {
          if (sheet.cell(r, c)?.locked !== false) throw new DoubleError("AccessDenied", `The cell ${colToLetters(c)}${r + 1} on protected sheet '${sheet.name}' is locked`);
        }
      }
      for (let i = 0; i < h; i++) {
        const row = scalar ? null : (v as unknown[][])[i];
        for (let j = 0; j < w; j++) {
          const x = scalar ? v : row?.[j];
          const cell = sheet.ensure(rect.r0 + i, rect.c0 + j);
          if (kind === "numberFormat") {
            if (x !== null && x !== undefined) cell.nf = String(x);
            continue;
          }
          if (x === null || x === undefined) continue; // null leaves a cell as it is
          if (typeof x === "string") {
            // A formula written into a Text-formatted cell is stored as the text itself, as Excel does.
            const p = kind === "formulas" && x.startsWith("=") && cell.nf !== TEXT_FORMAT ? { v: null, f: x, nf: cell.nf } : parseTyped(x, cell.nf);
            cell.v = p.v;
            cell.f = p.f;
            cell.nf = p.nf;
          } else if (typeof x === "number" || typeof x === "boolean") {
            cell.v = x;
            cell.f = null;
          } else {
            throw new DoubleError("InvalidArgument", `Unsupported cell value ${JSON.stringify(x)}`);
          }
        }
      }
      if (kind !== "numberFormat") {
        if (kind === "formulas") noteCalculated(this.context.store, sheet, rect);
        this.context._noteWrite(sheet, rect);
        this.context.double._maybeExpandTables(sheet, rect);
      }
    });
  }
  getRowsBelow(count = 1): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { r0: rect.r1 + 1, r1: rect.r1 + count, c0: rect.c0, c1: rect.c1 } }));
  }
  getRowsAbove(count = 1): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { r0: rect.r0 - count, r1: rect.r0 - 1, c0: rect.c0, c1: rect.c1 } }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { r0: rect.r0 + rowOffset, r1: rect.r1 + rowOffset, c0: rect.c0 + columnOffset, c1: rect.c1 + columnOffset } }));
  }
  getCell(row: number, column: number): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { r0: rect.r0 + row, r1: rect.r0 + row, c0: rect.c0 + column, c1: rect.c0 + column } }));
  }
  getColumn(column: number): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, c0: rect.c0 + column, c1: rect.c0 + column } }));
  }
  getRow(row: number): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: rect.r0 + row, r1: rect.r0 + row } }));
  }
  getLastRow(): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: rect.r1 } }));
  }
  getEntireColumn(): RangeDouble {
    return this._derive(({ sheet, rect }) => ({ sheet, rect: { ...rect, r0: 0, r1: MAX_ROWS - 1 } }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    const used = (t: Target): Rect | null => {
      const u = t.sheet.used(Boolean(valuesOnly));
      if (!u || !intersects(u, t.rect)) return null;
      return { r0: Math.max(u.r0, t.rect.r0), r1: Math.min(u.r1, t.rect.r1), c0: Math.max(u.c0, t.rect.c0), c1: Math.min(u.c1, t.rect.c1) };
    };
    const r = this._derive((t) => ({ sheet: t.sheet, rect: used(t) ?? t.rect }));
    r._nullable(() => used(this._target()) !== null);
    return r;
  }
  private _derive(f: (t: Target) => Target): RangeDouble {
    return new RangeDouble(this.context, () => {
      const t = f(this._target());
      if (t.rect.r0 < 0 || t.rect.c0 < 0 || t.rect.r1 < t.rect.r0 || t.rect.c1 < t.rect.c0 || t.rect.r1 >= MAX_ROWS) throw new DoubleError("InvalidArgument", "The range is outside the worksheet");
      return t;
    })._markOrNull(this._orNull);
  }
  select(): void {
    this.context._queue({ select: true }, () => {
      const { sheet, rect } = this._target();
      this.context.store.selection = { sheetId: sheet.id, rect };
      this.context.store.activeSheetId = sheet.id;
      this.context.double._fireSelection(sheet, rect);
    });
  }
  /** Merged areas inside the range are absorbed by the new one; a protected sheet refuses. */
  merge(across?: boolean): void {
    this.context._queue({ merge: across }, () => {
      const { sheet, rect } = this._target();
      if (this.context.store.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, rect))) throw new DoubleError("InvalidOperation", "Cells in a table can't be merged");
      refuseProtected(sheet);
      sheet.merges.splice(0, sheet.merges.length, ...sheet.merges.filter((m) => !contains(rect, m)));
      if (across) for (let r = rect.r0; r <= rect.r1; r++) sheet.merges.push({ ...rect, r0: r, r1: r });
      else sheet.merges.push(rect);
    });
  }
  /** Every merged area the range meets is split back into cells (Excel unmerges the whole area). */
  unmerge(): void {
    this.context._queue({ unmerge: true }, () => {
      const { sheet, rect } = this._target();
      refuseProtected(sheet);
      const kept = sheet.merges.filter((m) => !intersects(m, rect));
      sheet.merges.splice(0, sheet.merges.length, ...kept);
    });
  }
  insert(shift: "Down" | "Right" | string): RangeDouble {
    this.context._queue({ insert: shift }, () => {
      const { sheet, rect } = this._target();
      if (shift === "Right") {
        if (rect.r0 !== 0 || rect.r1 !== MAX_ROWS - 1) throw new DoubleError("InvalidArgument", "the double inserts whole columns only when shifting right");
        insertColumns(this.context.store, sheet, rect.c0, cols(rect));
        return;
      }
      if (shift !== "Down") throw new DoubleError("InvalidArgument", "only Down and Right are modelled");
      if (filteredRowsMeet(this.context.store, sheet, rect)) throw new DoubleError("FilteredRangeConflict", "The attempted operation causes a conflict with a filtered range.");
      if (rect.c0 === 0 && rect.c1 === 16383) {
        insertRows(this.context.store, sheet, rect.r0, rows(rect));
        return;
      }
      const n = rows(rect);
      const moved = new Map<number, Map<number, Cell>>();
      for (const [r, row] of sheet.cells) {
        for (const [c, cell] of row) {
          const target = c >= rect.c0 && c <= rect.c1 && r >= rect.r0 ? r + n : r;
          if (!moved.has(target)) moved.set(target, new Map());
          moved.get(target)?.set(c, cell);
        }
      }
      sheet.cells.clear();
      for (const [r, row] of moved) sheet.cells.set(r, row);
      for (const t of this.context.store.tables) if (t.sheetId === sheet.id && t.rect.r0 >= rect.r0) t.rect = { ...t.rect, r0: t.rect.r0 + n, r1: t.rect.r1 + n };
    });
    return this;
  }
  /** Deletes whole rows (shift up), as a person's "Delete rows" does. */
  delete(shift: "Up" | "Left" | string): void {
    this.context._queue({ delete: shift }, () => {
      const { sheet, rect } = this._target();
      if (shift !== "Up" || rect.c0 !== 0 || rect.c1 !== 16383) throw new DoubleError("InvalidArgument", "the double deletes whole rows only");
      if (filteredRowsMeet(this.context.store, sheet, rect)) throw new DoubleError("FilteredRangeConflict", "The attempted operation causes a conflict with a filtered range.");
      deleteRows(this.context.store, sheet, rect.r0, rows(rect));
    });
  }
  /** The first cell whose value is `text` (Excel's wildcards `*`, `?` and the escape `~`); ItemNotFound when none. */
  find(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean } = {}): RangeDouble {
    return this._derive((t) => {
      const hit = findIn(t, text, criteria);
      if (!hit) throw new DoubleError("ItemNotFound", `'${text}' was not found`);
      return hit;
    });
  }
  findOrNullObject(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean } = {}): RangeDouble {
    const r = this._derive((t) => findIn(t, text, criteria) ?? t);
    r._nullable(() => findIn(this._target(), text, criteria) !== null);
    return r;
  }
  /** Blank or constant cells of the range (a RangeAreas in Excel; here its first area); ItemNotFound when none. */
  getSpecialCells(cellType: string): RangeDouble {
    return this._derive((t) => {
      const hit = special(t, cellType);
      if (!hit) throw new DoubleError("ItemNotFound", "No cells were found.");
      return hit;
    });
  }
  getSpecialCellsOrNullObject(cellType: string): RangeDouble {
    const r = this._derive((t) => special(t, cellType) ?? t);
    r._nullable(() => special(this._target(), cellType) !== null);
    return r;
  }
  /** The cells this range shares with another on the same sheet; a null object when none. */
  getIntersectionOrNullObject(other: RangeDouble): RangeDouble {
    const meet = (): Target | null => {
      const a = this._target();
      const b = other._target();
      if (a.sheet !== b.sheet || !intersects(a.rect, b.rect)) return null;
      return { sheet: a.sheet, rect: { r0: Math.max(a.rect.r0, b.rect.r0), r1: Math.min(a.rect.r1, b.rect.r1), c0: Math.max(a.rect.c0, b.rect.c0), c1: Math.min(a.rect.c1, b.rect.c1) } };
    };
    const r = this._derive((t) => meet() ?? t);
    r._nullable(() => meet() !== null);
    return r;
  }
  /** The rows a filter leaves shown. */
  getVisibleView(): RangeViewDouble {
    return new RangeViewDouble(this.context, this._target);
  }
  clear(applyTo?: string): void {
    this.context._queue({ clear: applyTo }, () => {
      const { sheet, rect } = this._target();
      refuseProtected(sheet);
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        if (applyTo !== "Formats") { cell.v = null; cell.f = null; }
        if (applyTo !== "Contents") { cell.nf = "General"; delete cell.fill; delete cell.font; delete cell.bold; }
      }
    });
  }
}

/** Merging, unmerging and clearing are refused on a protected sheet, whatever its cells' lock. */
function refuseProtected(sheet: { protected: boolean; name: string }): void {
  if (sheet.protected) throw new DoubleError("AccessDenied", `The sheet '${sheet.name}' is protected`);
}

function isBlank(c: Cell | undefined): boolean {
  return !c || (c.f === null && (c.v === null || c.v === ""));
}

function wildcard(text: string, completeMatch: boolean, matchCase: boolean): RegExp {
  let src = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "~" && i + 1 < text.length) { src += (text[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); continue; }
    if (ch === "*") src += ".*";
    else if (ch === "?") src += ".";
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(completeMatch ? `^${src}$` : src, matchCase ? "su" : "siu");
}

function findIn(target: Target, text: string, criteria: { completeMatch?: boolean; matchCase?: boolean }): Target | null {
  const re = wildcard(text, criteria.completeMatch ?? false, criteria.matchCase ?? false);
  // Excel: on a single cell, find searches the whole sheet, starting after that cell.
  const single = target.rect.r0 === target.rect.r1 && target.rect.c0 === target.rect.c1;
  const t = single ? { sheet: target.sheet, rect: target.sheet.used(true) ?? target.rect } : target;
  for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 1_048_575); r++) {
    const row = t.sheet.cells.get(r);
    // Assumed as Excel's Find in values does: hidden rows and columns are not searched.
    if (!row || t.sheet.hiddenRows.has(r)) continue;
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      if (t.sheet.hiddenColumns.has(c)) continue;
      const cell = row.get(c);
      if (cell && cell.v !== null && cell.v !== "" && re.test(String(cell.v))) return { sheet: t.sheet, rect: { r0: r, r1: r, c0: c, c1: c } };
    }
  }
  return null;
}

function special(t: Target, cellType: string): Target | null {
  for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const cell = t.sheet.cell(r, c);
    const hit = cellType === "Blanks" ? isBlank(cell) : cellType === "Constants" ? !isBlank(cell) && cell?.f === null : false;
    if (hit) return { sheet: t.sheet, rect: { r0: r, r1: r, c0: c, c1: c } };
  }
  return null;
}

/** Filters in force on a sheet: its autofilter range and every table with criteria applied. */
function filterRects(store: WorkbookStore, sheet: SheetStore): Rect[] {
  const out: Rect[] = store.tables.filter((t) => t.sheetId === sheet.id && t.filtered).map((t) => t.rect);
  if (sheet.autoFilter && sheet.hiddenRows.size > 0) out.push(sheet.autoFilter);
  return out;
}

function filteredRowsMeet(store: WorkbookStore, sheet: SheetStore, rect: Rect): boolean {
  return filterRects(store, sheet).some((f) => rect.r0 <= f.r1 && rect.r1 > f.r0 && rect.c0 <= f.c1 && rect.c1 >= f.c0);
}

function spansHiddenAndVisible(store: WorkbookStore, sheet: SheetStore, rect: Rect): boolean {
  if (sheet.hiddenRows.size === 0 || !filteredRowsMeet(store, sheet, rect)) return false;
  let hidden = false, shown = false;
  for (let r = rect.r0; r <= rect.r1 && !(hidden && shown); r++) {
    if (sheet.hiddenRows.has(r)) hidden = true;
    else shown = true;
  }
  return hidden && shown;
}

/** A formula set on a whole column of an existing table's body becomes that column's calculated formula. */
function noteCalculated(store: WorkbookStore, sheet: SheetStore, rect: Rect): void {
  if (rect.c0 !== rect.c1) return;
  for (const t of store.tables) {
    if (t.sheetId !== sheet.id || rect.c0 < t.rect.c0 || rect.c0 > t.rect.c1) continue;
    const b0 = t.rect.r0 + 1;
    const b1 = t.rect.r1 - (t.showTotals ? 1 : 0);
    if (rect.r0 !== b0 || rect.r1 !== b1) continue;
    let template: string | null = null;
    for (let r = b0; r <= b1; r++) {
      const f = sheet.cell(r, rect.c0)?.f;
      const tp = f ? rowTemplate(f, r + 1) : null;
      if (tp === null || (template !== null && tp !== template)) return;
      template = tp;
    }
    if (template === null) return;
    if (!t.calculated) t.calculated = new Map();
    t.calculated.set(rect.c0 - t.rect.c0, template);
  }
}

export class RangeAreasDouble extends ProxyBase {
  private _format: RangeFormatDouble | null = null;
  constructor(context: RequestContextDouble, private readonly areas: () => { sheet: SheetStore; rects: Rect[] }) { super(context); }
  /** One format call for every area (a single action in the request, as in Excel). */
  get format(): RangeFormatDouble {
    return (this._format ??= new RangeFormatDouble(this.context, () => {
      const { sheet, rects } = this.areas();
      return rects.map((rect) => ({ sheet, rect }));
    }));
  }
  protected _read(prop: string): unknown {
    const { sheet, rects } = this.areas();
    if (prop === "address") return rects.map((r) => `${quoteSheet(sheet.name)}!${rectToA1(r)}`).join(",");
    if (prop === "areaCount") return rects.length;
    throw new DoubleError("InvalidArgument", `rangeAreas.${prop} is not modelled`);
  }
  get address(): string { return this._get("address"); }
  get areaCount(): number { return this._get("areaCount"); }
  getSpecialCells(cellType: string): RangeDouble {
    return new RangeDouble(this.context, () => {
      const { sheet, rects } = this.areas();
      for (const rect of rects) {
        const hit = special({ sheet, rect }, cellType);
        if (hit) return hit;
      }
      throw new DoubleError("ItemNotFound", "No cells were found.");
    });
  }
}

export class RangeViewDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly target: () => Target) { super(context); }
  protected _read(prop: string): unknown {
    const { sheet, rect } = this.target();
    const shown: number[] = [];
    for (let r = rect.r0; r <= rect.r1; r++) if (!sheet.hiddenRows.has(r)) shown.push(r);
    if (prop === "cellAddresses") return shown.map((r) => Array.from({ length: cols(rect) }, (_, j) => `${quoteSheet(sheet.name)}!${colToLetters(rect.c0 + j)}${r + 1}`));
    if (prop === "rowCount") return shown.length;
    throw new DoubleError("InvalidArgument", `rangeView.${prop} is not modelled`);
  }
  get cellAddresses(): string[][] { return this._get("cellAddresses"); }
  get rowCount(): number { return this._get("rowCount"); }
}

/** A range's cells, or a RangeAreas' (its format reads give the first area's). */
type Targets = () => Target | readonly Target[];
const allOf = (t: Targets): readonly Target[] => { const x = t(); return Array.isArray(x) ? x : [x as Target]; };
const firstOf = (t: Targets): Target => {
  const a = allOf(t)[0];
  if (!a) throw new DoubleError("InvalidArgument", "no area");
  return a;
};

/** Applies a format change to every cell of a target (bounded: formats on whole columns stop at 200,000 rows). */
function eachCell(context: RequestContextDouble, target: Targets, payload: unknown, f: (c: Cell) => void, check?: () => void): void {
  context._queue(payload, () => {
    check?.();
    for (const { sheet, rect } of allOf(target)) {
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 200_000); r++) for (let c = rect.c0; c <= rect.c1; c++) f(sheet.ensure(r, c));
    }
  });
}

/** A value from an Excel enum, else InvalidArgument (as the host answers an unknown enum string). */
function enumValue(name: string, v: string): string {
  const values = enumValues(name);
  // Without the typings (the browser harness) the enum is unknown and any value passes.
  if (values.size > 0 && !values.has(v)) throw new DoubleError("InvalidArgument", `'${v}' is not a value of Excel.${name}`);
  return v;
}

export class RangeFillDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly target: Targets) { super(context); }
  protected _read(prop: string): unknown {
    if (prop !== "color") throw new DoubleError("InvalidArgument", `fill.${prop} is not modelled`);
    const { sheet, rect } = firstOf(this.target);
    return sheet.cell(rect.r0, rect.c0)?.fill ?? null;
  }
  get color(): string { return this._get("color"); }
  set color(v: string) { eachCell(this.context, this.target, { color: v }, (c) => { c.fill = v; }); }
  clear(): void { eachCell(this.context, this.target, { clear: true }, (c) => { delete c.fill; }); }
}

/** Excel's font sizes run from 1 to 409 points. */
const FONT_SIZE_MIN = 1;
const FONT_SIZE_MAX = 409;

export class RangeFontDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly target: Targets) { super(context); }
  protected _read(prop: string): unknown {
    const { sheet, rect } = firstOf(this.target);
    const c = sheet.cell(rect.r0, rect.c0);
    if (prop === "color") return c?.font ?? "#000000";
    if (prop === "bold") return c?.bold ?? false;
    if (prop === "size") return c?.size ?? 11;
    throw new DoubleError("InvalidArgument", `font.${prop} is not modelled`);
  }
  get color(): string { return this._get("color"); }
  set color(v: string) { eachCell(this.context, this.target, { color: v }, (c) => { c.font = v; }); }
  get bold(): boolean { return this._get("bold"); }
  set bold(v: boolean) { eachCell(this.context, this.target, { bold: v }, (c) => { c.bold = v; }); }
  get size(): number { return this._get("size"); }
  set size(v: number) {
    eachCell(this.context, this.target, { size: v }, (c) => { c.size = v; }, () => {
      if (!(v >= FONT_SIZE_MIN && v <= FONT_SIZE_MAX)) throw new DoubleError("InvalidArgument", `Font size ${v} is outside ${FONT_SIZE_MIN}–${FONT_SIZE_MAX}`);
    });
  }
}

export class RangeFormatProtectionDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly target: Targets) { super(context); }
  protected _read(prop: string): unknown {
    const { sheet, rect } = firstOf(this.target);
    if (prop === "locked") return sheet.cell(rect.r0, rect.c0)?.locked !== false;
    throw new DoubleError("InvalidArgument", `protection.${prop} is not modelled`);
  }
  get locked(): boolean { return this._get("locked"); }
  set locked(v: boolean) { eachCell(this.context, this.target, { locked: v }, (c) => { c.locked = v; }); }
}

export class RangeFormatDouble extends ProxyBase {
  readonly fill: RangeFillDouble;
  readonly font: RangeFontDouble;
  readonly protection: RangeFormatProtectionDouble;
  constructor(context: RequestContextDouble, private readonly target: Targets) {
    super(context);
    this.fill = new RangeFillDouble(context, target);
    this.font = new RangeFontDouble(context, target);
    this.protection = new RangeFormatProtectionDouble(context, target);
  }
  protected _read(prop: string): unknown {
    const { sheet, rect } = firstOf(this.target);
    const c = sheet.cell(rect.r0, rect.c0);
    if (prop === "columnWidth") return sheet.columnWidths.get(rect.c0) ?? 48;
    if (prop === "wrapText") return c?.wrap ?? false;
    if (prop === "rowHeight") return sheet.rowHeights.get(rect.r0) ?? 15;
    if (prop === "useStandardHeight") return !sheet.rowHeights.has(rect.r0);
    if (prop === "horizontalAlignment") return c?.halign ?? "General";
    if (prop === "verticalAlignment") return c?.valign ?? "Bottom";
    if (prop === "shrinkToFit") return c?.shrink ?? false;
    throw new DoubleError("InvalidArgument", `format.${prop} is not modelled`);
  }
  get columnWidth(): number { return this._get("columnWidth"); }
  set columnWidth(v: number) {
    this.context._queue({ columnWidth: v }, () => {
      for (const { sheet, rect } of allOf(this.target)) for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number { return this._get("rowHeight"); }
  set rowHeight(v: number) {
    this.context._queue({ rowHeight: v }, () => {
      for (const { sheet, rect } of allOf(this.target)) for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, v);
    });
  }
  /** Back to the sheet's standard height: the rows' own heights go. */
  set useStandardHeight(v: boolean) {
    this.context._queue({ useStandardHeight: v }, () => {
      if (v) for (const { sheet, rect } of allOf(this.target)) for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.delete(r);
    });
  }
  get useStandardHeight(): boolean { return this._get("useStandardHeight"); }
  get wrapText(): boolean { return this._get("wrapText"); }
  set wrapText(v: boolean) { eachCell(this.context, this.target, { wrapText: v }, (c) => { c.wrap = v; }); }
  get horizontalAlignment(): string { return this._get("horizontalAlignment"); }
  set horizontalAlignment(v: string) {
    eachCell(this.context, this.target, { horizontalAlignment: v }, (c) => { c.halign = v; }, () => { enumValue("HorizontalAlignment", v); });
  }
  get verticalAlignment(): string { return this._get("verticalAlignment"); }
  set verticalAlignment(v: string) {
    eachCell(this.context, this.target, { verticalAlignment: v }, (c) => { c.valign = v; }, () => { enumValue("VerticalAlignment", v); });
  }
  get shrinkToFit(): boolean { return this._get("shrinkToFit"); }
  set shrinkToFit(v: boolean) { eachCell(this.context, this.target, { shrinkToFit: v }, (c) => { c.shrink = v; }); }
  autofitColumns(): void {
    this.context._queue({ autofit: true }, () => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation and conditional formats

const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 224;

export class DataValidationDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly target: () => Target) { super(context); }
  private _entry() {
    const { sheet, rect } = this.target();
    return sheet.validations.find((v) => v.rect.r0 <= rect.r0 && v.rect.c0 <= rect.c0 && v.rect.r1 >= rect.r1 && v.rect.c1 >= rect.c1);
  }
  protected _read(prop: string): unknown {
    const e = this._entry();
    switch (prop) {
      case "rule": return e?.rule ?? {};
      case "prompt": return e?.prompt ?? { showPrompt: false, title: "", message: "" };
      case "errorAlert": return e?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      case "type": return e ? Object.keys(e.rule)[0] ?? "None" : "None";
      case "ignoreBlanks": return e?.ignoreBlanks ?? true;
      case "valid": return true;
      default: throw new DoubleError("InvalidArgument", `dataValidation.${prop} is not modelled`);
    }
  }
  get rule(): Record<string, unknown> { return this._get("rule"); }
  set rule(rule: Record<string, unknown>) {
    this.context._queue({ rule }, () => {
      const keys = Object.keys(rule);
      if (keys.length !== 1) throw new DoubleError("InvalidArgument", "A data validation rule has exactly one type");
      const list = rule.list as { source?: unknown } | undefined;
      if (list) {
        if (typeof list.source !== "string") throw new DoubleError("InvalidArgument", "list.source must be a string address or list");
        refuseStructured(list.source, "list source");
        if (!list.source.startsWith("=") && list.source.length > 255) throw new DoubleError("InvalidArgument", "An inline list source is limited to 255 characters");
        const ref = list.source.startsWith("=") ? list.source.slice(1) : null;
        if (ref !== null && !parseA1(splitSheet(ref).local) && ![...this.context.store.names.keys()].some((k) => k.toLowerCase() === ref.toLowerCase())) {
          throw new DoubleError("InvalidArgument", `The list source '${list.source}' refers to a name that is not defined`);
        }
      }
      const custom = rule.custom as { formula?: unknown } | undefined;
      if (custom) {
        if (typeof custom.formula !== "string") throw new DoubleError("InvalidArgument", "custom.formula must be a string");
        refuseStructured(custom.formula, "custom validation");
      }
      const { sheet, rect } = this.target();
      // A new rule replaces what it covers, as Excel does.
      for (let i = sheet.validations.length - 1; i >= 0; i--) {
        const v = sheet.validations[i];
        if (v && contains(rect, v.rect)) sheet.validations.splice(i, 1);
      }
      sheet.validations.push({ rect, rule, ignoreBlanks: true });
    });
  }
  get prompt(): { showPrompt?: boolean; title?: string; message?: string } { return this._get("prompt"); }
  set prompt(p: { showPrompt?: boolean; title?: string; message?: string }) {
    this.context._queue({ p }, () => {
      if ((p.title ?? "").length > PROMPT_TITLE_MAX) throw new DoubleError("InvalidArgument", `Prompt title longer than ${PROMPT_TITLE_MAX} characters`);
      if ((p.message ?? "").length > PROMPT_MAX) throw new DoubleError("InvalidArgument", `Prompt message longer than ${PROMPT_MAX} characters`);
      this._ensureEntry().prompt = p;
    });
  }
  get errorAlert(): { showAlert?: boolean; style?: string; title?: string; message?: string } { return this._get("errorAlert"); }
  set errorAlert(a: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.context._queue({ a }, () => {
      if ((a.title ?? "").length > PROMPT_TITLE_MAX) throw new DoubleError("InvalidArgument", `Error title longer than ${PROMPT_TITLE_MAX} characters`);
      if ((a.message ?? "").length > ERROR_MAX) throw new DoubleError("InvalidArgument", `Error message longer than ${ERROR_MAX} characters`);
      this._ensureEntry().errorAlert = a;
    });
  }
  set ignoreBlanks(v: boolean) {
    this.context._queue({ v }, () => {
      this._ensureEntry().ignoreBlanks = v;
    });
  }
  private _ensureEntry() {
    const { sheet, rect } = this.target();
    let e = sheet.validations.find((v) => v.rect.r0 === rect.r0 && v.rect.c0 === rect.c0 && v.rect.r1 === rect.r1 && v.rect.c1 === rect.c1);
    if (!e) {
      e = { rect, rule: {}, ignoreBlanks: true };
      sheet.validations.push(e);
    }
    return e;
  }
  clear(): void {
    this.context._queue({ clear: true }, () => {
      const { sheet, rect } = this.target();
      for (let i = sheet.validations.length - 1; i >= 0; i--) {
        const v = sheet.validations[i];
        if (v && intersects(v.rect, rect)) sheet.validations.splice(i, 1);
      }
    });
  }
}

class CfFillDouble {
  constructor(private readonly context: RequestContextDouble, private readonly entry: () => ConditionalFormatEntry, private readonly key: "fill" | "font") {}
  set color(v: string) {
    this.context._queue({ color: v }, () => {
      this.entry()[this.key] = v;
    });
  }
}

export class ConditionalFormatDouble extends ProxyBase {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: CfFillDouble; readonly font: CfFillDouble };
  };
  constructor(context: RequestContextDouble, private readonly entry: () => ConditionalFormatEntry) {
    super(context);
    const ctx = context;
    const ruleObj = {
      set formula(f: string) {
        ctx._queue({ f }, () => {
          refuseStructured(f, "conditional format");
          if (!f.startsWith("=")) throw new DoubleError("InvalidArgument", "A conditional-format formula starts with =");
          entry().formula = f;
        });
      },
      get formula(): string {
        throw notLoaded("formula");
      },
    };
    this.custom = { rule: ruleObj, format: { fill: new CfFillDouble(context, entry, "fill"), font: new CfFillDouble(context, entry, "font") } };
  }
  protected _read(prop: string): unknown {
    const e = this.entry();
    if (prop === "type") return e.type;
    if (prop === "priority") return e.priority;
    if (prop === "stopIfTrue") return e.stopIfTrue;
    throw new DoubleError("InvalidArgument", `conditionalFormat.${prop} is not modelled`);
  }
  set stopIfTrue(v: boolean) {
    this.context._queue({ v }, () => { this.entry().stopIfTrue = v; });
  }
  set priority(v: number) {
    this.context._queue({ v }, () => { this.entry().priority = v; });
  }
}

export class ConditionalFormatCollectionDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly target: () => Target) { super(context); }
  protected _read(prop: string): unknown {
    throw new DoubleError("InvalidArgument", `conditionalFormats.${prop} is not modelled`);
  }
  add(type: string): ConditionalFormatDouble {
    let created: ConditionalFormatEntry | null = null;
    this.context._queue({ add: type }, () => {
      const { sheet, rect } = this.target();
      created = { id: sheet.conditionalFormats.length + 1, rect, type, formula: null, fill: null, font: null, priority: 0, stopIfTrue: false };
      sheet.conditionalFormats.push(created);
    });
    return new ConditionalFormatDouble(this.context, () => {
      if (!created) throw new DoubleError("ItemNotFound", "conditional format not created yet");
      return created;
    });
  }
  clearAll(): void {
    this.context._queue({ clearAll: true }, () => {
      const { sheet, rect } = this.target();
      for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
        const cf = sheet.conditionalFormats[i];
        if (cf && intersects(cf.rect, rect)) sheet.conditionalFormats.splice(i, 1);
      }
    });
  }
  getCount(): ClientResultDouble<number> {
    const r = new ClientResultDouble<number>();
    this.context._queue({ count: true }, () => {
      const { sheet, rect } = this.target();
      r._set(sheet.conditionalFormats.filter((cf) => intersects(cf.rect, rect)).length);
    });
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables, names, charts

export class TableCollectionDouble extends ProxyBase {
  private _items: TableDouble[] | null = null;
  constructor(context: RequestContextDouble, private readonly sheet: (() => SheetStore) | null) { super(context); }
  private _all(): TableStore[] {
    const st = this.context.store;
    if (!this.sheet) return st.tables;
    const id = this.sheet().id;
    return st.tables.filter((t) => t.sheetId === id);
  }
  protected _read(prop: string): unknown {
    if (prop === "items" || prop.startsWith("items/")) {
      this._items = this._all().map((t) => {
        const d = new TableDouble(this.context, () => t);
        d._preload(["name", "id", "showTotals"]);
        return d;
      });
      return this._items.length;
    }
    if (prop === "count") return this._all().length;
    throw new DoubleError("InvalidArgument", `tables.${prop} is not modelled`);
  }
  get items(): TableDouble[] {
    if (!this._items || ![...this._loaded.keys()].some((k) => k.startsWith("items"))) throw notLoaded("items");
    return this._items;
  }
  add(address: string, hasHeaders: boolean): TableDouble {
    let created: TableStore | null = null;
    this.context._queue({ address, hasHeaders }, () => {
      const st = this.context.store;
      const { sheet: sheetName, local } = splitSheet(address);
      const sheet = sheetName ? st.sheetByName(sheetName) : this.sheet?.();
      const rect = parseA1(local);
      if (!sheet || !rect) throw new DoubleError("InvalidArgument", `Invalid table address '${address}'`);
      if (!hasHeaders) throw new DoubleError("InvalidArgument", "The double models tables with headers only");
      if (rows(rect) < 2) throw new DoubleError("InvalidArgument", "A table needs a header row and at least one data row");
      for (const t of st.tables) if (t.sheetId === sheet.id && intersects(t.rect, rect)) throw new DoubleError("InvalidOperation", `A table can't overlap another table (${t.name})`);
      const name = `Table${st.tables.length + 1}`;
      created = { id: st.newId("table"), name, sheetId: sheet.id, rect, showTotals: false, showHeaders: true, style: "TableStyleMedium2" };
      st.tables.push(created);
      for (let c = rect.c0; c <= rect.c1; c++) {
        const h = sheet.ensure(rect.r0, c);
        if (h.v === null || h.v === "") h.v = `Column${c - rect.c0 + 1}`;
      }
    });
    return new TableDouble(this.context, () => {
      if (!created) throw new DoubleError("ItemNotFound", "table not created yet");
      return created;
    });
  }
  getItem(name: string): TableDouble {
    return new TableDouble(this.context, () => {
      const t = this._all().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new DoubleError("ItemNotFound", `The requested resource doesn't exist: table '${name}'`);
      return t;
    });
  }
  getItemOrNullObject(name: string): TableDouble {
    const t = this.getItem(name);
    t._nullable(() => this._all().some((x) => x.name.toLowerCase() === name.toLowerCase()));
    return t;
  }
  getCount(): ClientResultDouble<number> {
    const r = new ClientResultDouble<number>();
    this.context._queue({ count: true }, () => r._set(this._all().length));
    return r;
  }
}

export class TableDouble extends NullableProxy {
  readonly rows: TableRowCollectionDouble;
  readonly columns: TableColumnCollectionDouble;
  constructor(context: RequestContextDouble, readonly _table: () => TableStore) {
    super(context);
    this.rows = new TableRowCollectionDouble(context, _table);
    this.columns = new TableColumnCollectionDouble(context, _table);
  }
  _nullable(exists: () => boolean): void { this._checkExists(exists); }
  _preload(props: string[]): void { for (const p of props) this._loaded.set(p, this._read(p)); }
  private _sheet(): SheetStore {
    const s = this.context.store.sheetById(this._table().sheetId);
    if (!s) throw new DoubleError("ItemNotFound", "table's worksheet is gone");
    return s;
  }
  protected _read(prop: string): unknown {
    const t = this._table();
    switch (prop) {
      case "name": return t.name;
      case "id": return t.id;
      case "showTotals": return t.showTotals;
      case "showHeaders": return t.showHeaders;
      case "style": return t.style;
      default: throw new DoubleError("InvalidArgument", `table.${prop} is not modelled`);
    }
  }
  get name(): string { return this._get("name"); }
  set name(v: string) {
    this.context._queue({ name: v }, () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw new DoubleError("InvalidArgument", `Invalid table name '${v}'`);
      const other = this.context.store.table(v);
      if (other && other !== this._table()) throw new DoubleError("ItemAlreadyExists", `A table named '${v}' already exists`);
      this._table().name = v;
    });
  }
  get id(): string { return this._get("id"); }
  get showTotals(): boolean { return this._get("showTotals"); }
  set showTotals(v: boolean) {
    this.context._queue({ showTotals: v }, () => {
      const t = this._table();
      if (v !== t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 + (v ? 1 : -1) };
      t.showTotals = v;
    });
  }
  set style(v: string) { this.context._queue({ style: v }, () => { this._table().style = v; }); }
  get autoFilter(): AutoFilterDouble {
    return new AutoFilterDouble(this.context, () => ({ enabled: true, filtered: this._table().filtered === true }))._markOrNull(this._orNull);
  }
  /** Resizes the table over a new range: same header row, overlapping the old one (ExcelApi 1.13). */
  resize(address: string): void {
    this.context._queue({ resize: address }, () => {
      const t = this._table();
      const rect = parseA1(splitSheet(address).local);
      if (!rect || rect.r0 !== t.rect.r0 || !intersects(rect, t.rect)) throw new DoubleError("InvalidArgument", "The table's header row must stay where it is");
      for (const o of this.context.store.tables) if (o !== t && o.sheetId === t.sheetId && intersects(o.rect, rect)) throw new DoubleError("InvalidOperation", `A table can't overlap another table (${o.name})`);
      t.rect = rect;
      const sheet = this._sheet();
      for (let c = rect.c0; c <= rect.c1; c++) {
        const h = sheet.ensure(rect.r0, c);
        if (h.v === null || h.v === "") h.v = `Column${c - rect.c0 + 1}`;
      }
    });
  }
  get worksheet(): WorksheetDouble { return new WorksheetDouble(this.context, () => this._sheet())._markOrNull(this._orNull); }
  getRange(): RangeDouble { return new RangeDouble(this.context, () => ({ sheet: this._sheet(), rect: this._table().rect }))._markOrNull(this._orNull); }
  getHeaderRowRange(): RangeDouble {
    return new RangeDouble(this.context, () => {
      const r = this._table().rect;
      return { sheet: this._sheet(), rect: { ...r, r1: r.r0 } };
    })._markOrNull(this._orNull);
  }
  getDataBodyRange(): RangeDouble {
    return new RangeDouble(this.context, () => {
      const t = this._table();
      return { sheet: this._sheet(), rect: { ...t.rect, r0: t.rect.r0 + 1, r1: t.rect.r1 - (t.showTotals ? 1 : 0) } };
    })._markOrNull(this._orNull);
  }
  getTotalRowRange(): RangeDouble {
    return new RangeDouble(this.context, () => {
      const t = this._table();
      if (!t.showTotals) throw new DoubleError("ItemNotFound", "The table has no totals row");
      return { sheet: this._sheet(), rect: { ...t.rect, r0: t.rect.r1 } };
    });
  }
  delete(): void {
    this.context._queue({ delete: true }, () => {
      const st = this.context.store;
      st.tables.splice(st.tables.indexOf(this._table()), 1);
    });
  }
}

export class TableRowCollectionDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly table: () => TableStore) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "count") {
      const t = this.table();
      return rows(t.rect) - 1 - (t.showTotals ? 1 : 0);
    }
    throw new DoubleError("InvalidArgument", `rows.${prop} is not modelled`);
  }
  get count(): number { return this._get("count"); }
  getCount(): ClientResultDouble<number> {
    const r = new ClientResultDouble<number>();
    this.context._queue({ count: true }, () => r._set(this._read("count") as number));
    return r;
  }
  /** Inserts rows at the end of the body (index null/undefined) — the co-authoring-unfriendly path. */
  add(index?: number | null, values?: unknown[][]): void {
    this.context._queue({ index, values }, () => {
      const t = this.table();
      const sheet = this.context.store.sheetById(t.sheetId);
      if (!sheet) throw new DoubleError("ItemNotFound", "table's worksheet is gone");
      if (t.filtered) throw new DoubleError("FilteredRangeConflict", "The attempted operation causes a conflict with a filtered range.");
      const n = values?.length ?? 1;
      const bodyEnd = t.rect.r1 - (t.showTotals ? 1 : 0);
      const at = index === null || index === undefined ? bodyEnd + 1 : t.rect.r0 + 1 + index;
      // Shift the table's columns down from `at` (Excel inserts cells within the table).
      for (let r = sheet.used(false)?.r1 ?? at; r >= at; r--) {
        const row = sheet.cells.get(r);
        if (!row) continue;
        const dest = sheet.cells.get(r + n) ?? new Map<number, Cell>();
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const cell = row.get(c);
          if (cell) { dest.set(c, cell); row.delete(c); }
        }
        sheet.cells.set(r + n, dest);
      }
      t.rect = { ...t.rect, r1: t.rect.r1 + n };
      inheritRows(sheet, t, at, at + n - 1);
      this.context.double.rowsAddCalls++;
      if (values) {
        const w = cols(t.rect);
        if (values.some((row) => row.length !== w)) throw new DoubleError("InvalidArgument", "The row values don't match the table's columns");
        const rect = { r0: at, r1: at + n - 1, c0: t.rect.c0, c1: t.rect.c1 };
        values.forEach((row, i) => row.forEach((x, j) => {
          const cell = sheet.ensure(at + i, t.rect.c0 + j);
          if (typeof x === "string") Object.assign(cell, parseTyped(x, cell.nf));
          else if (typeof x === "number" || typeof x === "boolean") { cell.v = x; cell.f = null; }
        }));
        this.context._noteWrite(sheet, rect);
      }
    });
  }
}

export class TableColumnCollectionDouble extends ProxyBase {
  private _items: TableColumnDouble[] | null = null;
  constructor(context: RequestContextDouble, private readonly table: () => TableStore) { super(context); }
  private _headers(): string[] {
    const t = this.table();
    const sheet = this.context.store.sheetById(t.sheetId);
    const out: string[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) out.push(String(sheet?.cell(t.rect.r0, c)?.v ?? ""));
    return out;
  }
  protected _read(prop: string): unknown {
    if (prop === "items" || prop.startsWith("items/")) {
      this._items = this._headers().map((h, i) => {
        const col = new TableColumnDouble(this.context, this.table, () => i);
        col._preload({ name: h, index: i });
        return col;
      });
      return this._items.length;
    }
    if (prop === "count") return cols(this.table().rect);
    throw new DoubleError("InvalidArgument", `columns.${prop} is not modelled`);
  }
  get items(): TableColumnDouble[] {
    if (!this._items || ![...this._loaded.keys()].some((k) => k.startsWith("items"))) throw notLoaded("items");
    return this._items;
  }
  get count(): number { return this._get("count"); }
  getItemOrNullObject(name: string): TableColumnDouble {
    const idx = () => this._headers().findIndex((h) => h.toLowerCase() === name.toLowerCase());
    const col = new TableColumnDouble(this.context, this.table, () => {
      const i = idx();
      if (i < 0) throw new DoubleError("ItemNotFound", `column '${name}'`);
      return i;
    });
    col._nullable(() => idx() >= 0);
    return col;
  }
  /** Adds a column at the table's end (index null) or at `index`, with a header. */
  add(index?: number | null, values?: unknown[][], name?: string): TableColumnDouble {
    let at = -1;
    this.context._queue({ index, values, name }, () => {
      const t = this.table();
      const sheet = this.context.store.sheetById(t.sheetId);
      if (!sheet) throw new DoubleError("ItemNotFound", "table's worksheet is gone");
      if (index !== null && index !== undefined && index !== cols(t.rect)) throw new DoubleError("InvalidArgument", "The double adds columns at the end only");
      const c = t.rect.c1 + 1;
      // Excel inserts cells: whatever sits to the table's right, in the table's rows, moves one column right.
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        const row = sheet.cells.get(r);
        if (!row) continue;
        const moved = [...row].map(([k, cell]) => [k >= c ? k + 1 : k, cell] as const);
        row.clear();
        for (const [k, cell] of moved) row.set(k, cell);
      }
      t.rect = { ...t.rect, c1: c };
      sheet.ensure(t.rect.r0, c).v = name ?? `Column${cols(t.rect)}`;
      at = cols(t.rect) - 1;
    });
    return new TableColumnDouble(this.context, this.table, () => at);
  }
}

export class TableColumnDouble extends NullableProxy {
  constructor(context: RequestContextDouble, private readonly table: () => TableStore, private readonly _index: () => number) { super(context); }
  _nullable(exists: () => boolean): void { this._checkExists(exists); }
  _preload(values: Record<string, unknown>): void { for (const [k, v] of Object.entries(values)) this._loaded.set(k, v); }
  protected _read(prop: string): unknown {
    const t = this.table();
    const sheet = this.context.store.sheetById(t.sheetId);
    if (prop === "name") return String(sheet?.cell(t.rect.r0, t.rect.c0 + this._index())?.v ?? "");
    if (prop === "index") return this._index();
    throw new DoubleError("InvalidArgument", `tableColumn.${prop} is not modelled`);
  }
  get name(): string { return this._get("name"); }
  get index(): number { return this._get("index"); }
  getDataBodyRange(): RangeDouble {
    return new RangeDouble(this.context, () => {
      const t = this.table();
      const sheet = this.context.store.sheetById(t.sheetId);
      if (!sheet) throw new DoubleError("ItemNotFound", "table's worksheet is gone");
      const c = t.rect.c0 + this._index();
      return { sheet, rect: { r0: t.rect.r0 + 1, r1: t.rect.r1 - (t.showTotals ? 1 : 0), c0: c, c1: c } };
    });
  }
}

export class NamedItemCollectionDouble extends ProxyBase {
  private _items: NamedItemDouble[] | null = null;
  constructor(context: RequestContextDouble, private readonly sheet: (() => SheetStore) | null) { super(context); }
  private _map(): Map<string, string> {
    return this.sheet ? this.sheet().names : this.context.store.names;
  }
  protected _read(prop: string): unknown {
    if (prop === "items" || prop.startsWith("items/")) {
      this._items = [...this._map().keys()].map((n) => {
        const d = new NamedItemDouble(this.context, () => this._map(), n);
        d._preload();
        return d;
      });
      return this._items.length;
    }
    throw new DoubleError("InvalidArgument", `names.${prop} is not modelled`);
  }
  get items(): NamedItemDouble[] {
    if (!this._items || ![...this._loaded.keys()].some((k) => k.startsWith("items"))) throw notLoaded("items");
    return this._items;
  }
  add(name: string, reference: string | RangeDouble, comment?: string): NamedItemDouble {
    this.context._queue({ name, reference: typeof reference === "string" ? reference : "range", comment }, () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new DoubleError("InvalidArgument", `Invalid name '${name}'`);
      const map = this._map();
      if ([...map.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) throw new DoubleError("ItemAlreadyExists", `The name '${name}' already exists`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const t = reference._target();
        formula = `=${quoteSheet(t.sheet.name)}!${rectToA1(t.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      }
      map.set(name, formula);
    });
    return new NamedItemDouble(this.context, () => this._map(), name);
  }
  getItemOrNullObject(name: string): NamedItemDouble {
    const d = new NamedItemDouble(this.context, () => this._map(), name);
    d._nullable(() => [...this._map().keys()].some((k) => k.toLowerCase() === name.toLowerCase()));
    return d;
  }
}

export class NamedItemDouble extends NullableProxy {
  constructor(context: RequestContextDouble, private readonly map: () => Map<string, string>, private readonly key: string) { super(context); }
  _nullable(exists: () => boolean): void { this._checkExists(exists); }
  _preload(): void { this._loaded.set("name", this.key); this._loaded.set("formula", this._read("formula")); }
  private _actual(): string {
    const k = [...this.map().keys()].find((x) => x.toLowerCase() === this.key.toLowerCase());
    if (k === undefined) throw new DoubleError("ItemNotFound", `name '${this.key}'`);
    return k;
  }
  protected _read(prop: string): unknown {
    if (prop === "name") return this._actual();
    if (prop === "formula") return this.map().get(this._actual());
    if (prop === "type") return "Range";
    if (prop === "visible") return !this.context.store.hiddenNames.has(this._actual().toLowerCase());
    throw new DoubleError("InvalidArgument", `namedItem.${prop} is not modelled`);
  }
  /** The cells the name refers to; ItemNotFound when it is missing or reads #REF! (its sheet deleted). */
  private _refersTo(): Target {
    const f = (this.map().get(this._actual()) ?? "").replace(/^=/, "");
    const { sheet, local } = splitSheet(f);
    const target = sheet === null ? undefined : this.context.store.sheetByName(sheet);
    const rect = parseA1(local);
    if (!target || !rect) throw new DoubleError("ItemNotFound", `The name '${this.key}' does not refer to a range (${f})`);
    return { sheet: target, rect };
  }
  getRange(): RangeDouble {
    return new RangeDouble(this.context, () => this._refersTo());
  }
  getRangeOrNullObject(): RangeDouble {
    const r = new RangeDouble(this.context, () => this._refersTo());
    r._nullable(() => {
      this._refersTo();
      return true;
    });
    return r;
  }
  get visible(): boolean { return this._get("visible"); }
  set visible(v: boolean) {
    this.context._queue({ visible: v }, () => {
      const k = this._actual().toLowerCase();
      if (v) this.context.store.hiddenNames.delete(k);
      else this.context.store.hiddenNames.add(k);
    });
  }
  get name(): string { return this._get("name"); }
  get formula(): string { return this._get("formula"); }
  set formula(v: string) {
    this.context._queue({ v }, () => {
      this.map().set(this._actual(), v.startsWith("=") ? v : `=${v}`);
    });
  }
  delete(): void {
    this.context._queue({ delete: this.key }, () => {
      const k = this._actual();
      this.map().delete(k);
      this.context.store.hiddenNames.delete(k.toLowerCase());
    });
  }
}

export class ChartCollectionDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly sheet: () => SheetStore) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "count") return this.sheet().charts.length;
    throw new DoubleError("InvalidArgument", `charts.${prop} is not modelled`);
  }
  get count(): number { return this._get("count"); }
  /**
   * A chart of a valid ChartType over a range (which may lie on another sheet), one series per
   * column (or row) of it. The series names and header detection of real Excel are not modelled:
   * the dashboard plots single columns of figures, which Excel reads as one unnamed series.
   */
  add(type: string, sourceData: RangeDouble, seriesBy?: string): ChartDouble {
    let created: { sheet: SheetStore; entry: ChartEntry } | null = null;
    this.context._queue({ type, seriesBy }, () => {
      if (type === "Invalid") throw new DoubleError("InvalidArgument", "'Invalid' is not a chart type");
      enumValue("ChartType", type);
      if (!seriesBy || seriesBy === "Auto") throw new DoubleError("InvalidArgument", "Pass an explicit seriesBy: Auto plots differently on the web and desktop");
      enumValue("ChartSeriesBy", seriesBy);
      const t = sourceData._target();
      const sheet = this.sheet();
      const q = quoteSheet(t.sheet.name);
      const series: ChartSeriesEntry[] = [];
      if (seriesBy === "Columns") for (let c = t.rect.c0; c <= t.rect.c1; c++) series.push({ name: `Series${series.length + 1}`, values: `${q}!${rectToA1({ ...t.rect, c0: c, c1: c })}`, xValues: null });
      else for (let r = t.rect.r0; r <= t.rect.r1; r++) series.push({ name: `Series${series.length + 1}`, values: `${q}!${rectToA1({ ...t.rect, r0: r, r1: r })}`, xValues: null });
      const id = this.context.store.newId("chart");
      const entry: ChartEntry = {
        type, source: `${q}!${rectToA1(t.rect)}`, seriesBy, id, name: `Chart ${sheet.charts.length + 1}`,
        title: { text: "", visible: false }, legend: { visible: true }, dataLabels: { showValue: false }, categoryAxis: { reversePlotOrder: false },
        series, position: null,
      };
      sheet.charts.push(entry);
      created = { sheet, entry };
    });
    return new ChartDouble(this.context, () => {
      if (!created) throw new DoubleError("ItemNotFound", "chart not created yet");
      return created;
    });
  }
  getItemAt(index: number): ChartDouble {
    return new ChartDouble(this.context, () => {
      const sheet = this.sheet();
      const entry = sheet.charts[index];
      if (!entry) throw new DoubleError("ItemNotFound", `There is no chart at index ${index}`);
      return { sheet, entry };
    });
  }
  getCount(): ClientResultDouble<number> {
    const r = new ClientResultDouble<number>();
    this.context._queue({ count: true }, () => r._set(this.sheet().charts.length));
    return r;
  }
}

type ChartRef = () => { sheet: SheetStore; entry: ChartEntry };

/** A chart's parts reach it through its sheet: a chart on a deleted sheet (or a deleted chart) is ItemNotFound. */
function liveChart(context: RequestContextDouble, ref: ChartRef): ChartEntry {
  const { sheet, entry } = ref();
  if (!context.store.sheets.includes(sheet) || !sheet.charts.includes(entry)) throw new DoubleError("ItemNotFound", `The chart '${entry.name}' no longer exists (its sheet or the chart was deleted)`);
  return entry;
}

/** A single cell or range on the chart's own sheet, for setPosition. */
function positionCell(sheet: SheetStore, store: WorkbookStore, cell: string | RangeDouble): string {
  if (typeof cell !== "string") {
    const t = cell._target();
    if (t.sheet !== sheet) throw new DoubleError("InvalidArgument", "A chart is placed on cells of its own worksheet");
    return rectToA1(t.rect);
  }
  const { sheet: named, local } = splitSheet(cell);
  const rect = parseA1(local);
  if (!rect || (named !== null && store.sheetByName(named) !== sheet)) throw new DoubleError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${cell}'`);
  return rectToA1(rect);
}

export class ChartDouble extends ProxyBase {
  readonly title: ChartTitleDouble;
  readonly legend: ChartLegendDouble;
  readonly dataLabels: ChartDataLabelsDouble;
  readonly axes: ChartAxesDouble;
  readonly series: ChartSeriesCollectionDouble;
  constructor(context: RequestContextDouble, private readonly ref: ChartRef) {
    super(context);
    const entry = () => liveChart(context, ref);
    this.title = new ChartTitleDouble(context, entry);
    this.legend = new ChartLegendDouble(context, entry);
    this.dataLabels = new ChartDataLabelsDouble(context, entry);
    this.axes = new ChartAxesDouble(context, entry);
    this.series = new ChartSeriesCollectionDouble(context, entry);
  }
  protected _read(prop: string): unknown {
    const e = liveChart(this.context, this.ref);
    if (prop === "name") return e.name;
    if (prop === "chartType") return e.type;
    if (prop === "id") return e.id;
    throw new DoubleError("InvalidArgument", `chart.${prop} is not modelled`);
  }
  get name(): string { return this._get("name"); }
  set name(v: string) { this.context._queue({ name: v }, () => { liveChart(this.context, this.ref).name = v; }); }
  get chartType(): string { return this._get("chartType"); }
  set chartType(v: string) { this.context._queue({ chartType: v }, () => { liveChart(this.context, this.ref).type = enumValue("ChartType", v); }); }
  /** Moves the chart over cells of its sheet: its top-left at startCell, covering endCell when given. */
  setPosition(startCell: string | RangeDouble, endCell?: string | RangeDouble): void {
    this.context._queue({ setPosition: [typeof startCell === "string" ? startCell : "range", typeof endCell === "string" ? endCell : endCell ? "range" : null] }, () => {
      const e = liveChart(this.context, this.ref);
      const { sheet } = this.ref();
      e.position = { start: positionCell(sheet, this.context.store, startCell), end: endCell === undefined ? null : positionCell(sheet, this.context.store, endCell) };
    });
  }
  delete(): void {
    this.context._queue({ delete: true }, () => {
      const e = liveChart(this.context, this.ref);
      const { sheet } = this.ref();
      sheet.charts.splice(sheet.charts.indexOf(e), 1);
    });
  }
}

export class ChartTitleDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly entry: () => ChartEntry) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "text") return this.entry().title.text;
    if (prop === "visible") return this.entry().title.visible;
    throw new DoubleError("InvalidArgument", `chartTitle.${prop} is not modelled`);
  }
  get text(): string { return this._get("text"); }
  /** Setting a title's text shows it, as in Excel. */
  set text(v: string) { this.context._queue({ text: v }, () => { const t = this.entry().title; t.text = v; t.visible = true; }); }
  get visible(): boolean { return this._get("visible"); }
  set visible(v: boolean) { this.context._queue({ visible: v }, () => { this.entry().title.visible = v; }); }
}

export class ChartLegendDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly entry: () => ChartEntry) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "visible") return this.entry().legend.visible;
    throw new DoubleError("InvalidArgument", `chartLegend.${prop} is not modelled`);
  }
  get visible(): boolean { return this._get("visible"); }
  set visible(v: boolean) { this.context._queue({ visible: v }, () => { this.entry().legend.visible = v; }); }
}

export class ChartDataLabelsDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly entry: () => ChartEntry) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "showValue") return this.entry().dataLabels.showValue;
    throw new DoubleError("InvalidArgument", `chartDataLabels.${prop} is not modelled`);
  }
  get showValue(): boolean { return this._get("showValue"); }
  set showValue(v: boolean) { this.context._queue({ showValue: v }, () => { this.entry().dataLabels.showValue = v; }); }
}

export class ChartAxesDouble {
  readonly categoryAxis: ChartAxisDouble;
  constructor(context: RequestContextDouble, entry: () => ChartEntry) {
    this.categoryAxis = new ChartAxisDouble(context, entry);
  }
}

export class ChartAxisDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly entry: () => ChartEntry) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "reversePlotOrder") return this.entry().categoryAxis.reversePlotOrder;
    throw new DoubleError("InvalidArgument", `chartAxis.${prop} is not modelled`);
  }
  get reversePlotOrder(): boolean { return this._get("reversePlotOrder"); }
  set reversePlotOrder(v: boolean) { this.context._queue({ reversePlotOrder: v }, () => { this.entry().categoryAxis.reversePlotOrder = v; }); }
}

export class ChartSeriesCollectionDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly entry: () => ChartEntry) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "count") return this.entry().series.length;
    throw new DoubleError("InvalidArgument", `chartSeries.${prop} is not modelled`);
  }
  get count(): number { return this._get("count"); }
  getItemAt(index: number): ChartSeriesDouble {
    return new ChartSeriesDouble(this.context, () => {
      const s = this.entry().series[index];
      if (!s) throw new DoubleError("ItemNotFound", `The chart has no series at index ${index}`);
      return s;
    });
  }
  getCount(): ClientResultDouble<number> {
    const r = new ClientResultDouble<number>();
    this.context._queue({ count: true }, () => r._set(this.entry().series.length));
    return r;
  }
}

export class ChartSeriesDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly entry: () => ChartSeriesEntry) { super(context); }
  protected _read(prop: string): unknown {
    if (prop === "name") return this.entry().name;
    throw new DoubleError("InvalidArgument", `series.${prop} is not modelled`);
  }
  get name(): string { return this._get("name"); }
  set name(v: string) { this.context._queue({ name: v }, () => { this.entry().name = v; }); }
  setValues(sourceData: RangeDouble): void {
    this.context._queue({ setValues: true }, () => {
      const t = sourceData._target();
      this.entry().values = `${quoteSheet(t.sheet.name)}!${rectToA1(t.rect)}`;
    });
  }
  setXAxisValues(sourceData: RangeDouble): void {
    this.context._queue({ setXAxisValues: true }, () => {
      const t = sourceData._target();
      this.entry().xValues = `${quoteSheet(t.sheet.name)}!${rectToA1(t.rect)}`;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Page layout and page breaks

/** PageLayoutZoomOptions.scale: "Print page scale value can be between 10 and 400" (REF excel.pagelayoutzoomoptions). */
export const ZOOM_MIN = 10;
export const ZOOM_MAX = 400;

export class PageLayoutDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly sheet: () => SheetStore) { super(context); }
  protected _read(prop: string): unknown {
    const p = this.sheet().pageLayout;
    if (prop === "orientation") return p.orientation;
    if (prop === "zoom") return { ...p.zoom };
    throw new DoubleError("InvalidArgument", `pageLayout.${prop} is not modelled`);
  }
  get orientation(): string { return this._get("orientation"); }
  set orientation(v: string) {
    this.context._queue({ orientation: v }, () => {
      this.sheet().pageLayout.orientation = enumValue("PageOrientation", v) as "Portrait" | "Landscape";
    });
  }
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } { return this._get("zoom"); }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.context._queue({ zoom: v }, () => {
      if (v.scale !== undefined && v.scale !== null && !(v.scale >= ZOOM_MIN && v.scale <= ZOOM_MAX)) throw new DoubleError("InvalidArgument", `Print scale ${v.scale} is outside ${ZOOM_MIN}–${ZOOM_MAX}`);
      this.sheet().pageLayout.zoom = { ...v };
    });
  }
}

export class PageBreakCollectionDouble extends ProxyBase {
  constructor(context: RequestContextDouble, private readonly sheet: () => SheetStore, private readonly axis: "rows" | "columns") { super(context); }
  private _list(): number[] {
    const s = this.sheet();
    return this.axis === "rows" ? s.rowBreaks : s.columnBreaks;
  }
  protected _read(prop: string): unknown {
    if (prop === "count") return this._list().length;
    throw new DoubleError("InvalidArgument", `pageBreaks.${prop} is not modelled`);
  }
  /** A break before the range's top-left cell (above its row, or left of its column); one per row. */
  add(pageBreakRange: string | RangeDouble): { readonly recorded: true } {
    this.context._queue({ add: typeof pageBreakRange === "string" ? pageBreakRange : "range" }, () => {
      const sheet = this.sheet();
      let rect: Rect | null;
      if (typeof pageBreakRange === "string") {
        const { sheet: named, local } = splitSheet(pageBreakRange);
        rect = named !== null && this.context.store.sheetByName(named) !== sheet ? null : parseA1(local);
      } else {
        const t = pageBreakRange._target();
        rect = t.sheet === sheet ? t.rect : null;
      }
      if (!rect) throw new DoubleError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${String(pageBreakRange)}'`);
      const at = this.axis === "rows" ? rect.r0 : rect.c0;
      const list = this._list();
      if (!list.includes(at)) { list.push(at); list.sort((a, b) => a - b); }
    });
    return { recorded: true };
  }
  getCount(): ClientResultDouble<number> {
    const r = new ClientResultDouble<number>();
    this.context._queue({ count: true }, () => r._set(this._list().length));
    return r;
  }
  removePageBreaks(): void {
    this.context._queue({ removePageBreaks: true }, () => { this._list().length = 0; });
  }
}

// ---------------------------------------------------------------------------------------------
// The double itself

interface SheetHandlers {
  changed: Array<EventHandler<ChangedArgs>>;
  selection: Array<EventHandler<SelectionArgs>>;
}

export class ExcelDouble {
  readonly store: WorkbookStore;
  readonly syncs: SyncRecord[] = [];
  calculationSuspensions = 0;
  rowsAddCalls = 0;
  undoCleared = false;
  readonly events: ChangedArgs[] = [];
  /** Runs before each of this client's syncs with its number: a test slips a co-author's edit in here. */
  betweenSyncs: ((n: number) => void) | null = null;
  /** The user is typing in a cell: a batch fails unless its run asked for `delayForCellEdit`. */
  cellEditing = false;
  delayedForCellEdit = 0;
  private readonly handlers = new Map<string, SheetHandlers>();
  private syncCounter = 0;

  /** The requirement sets this host has (the manifest's MinVersion unless told otherwise; null: unchecked, in a browser). */
  readonly host: HostSets | null;
  constructor(readonly options: DoubleOptions = {}, store?: WorkbookStore) {
    this.host = options.apiSets ?? (MANIFEST_SETS === undefined ? (MANIFEST_SETS = manifestSets()) : MANIFEST_SETS);
    this.store = store ?? new WorkbookStore();
    if (!store && this.store.sheets.length === 0) this.store.sheets.push(new SheetStore(this.store.newId("sheet"), "Sheet1"));
  }

  /** Another client (a co-author) on the same workbook, with its own counters and handlers. */
  coAuthor(options: DoubleOptions = this.options): ExcelDouble {
    return new ExcelDouble(options, this.store);
  }

  _nextSync(): number {
    return ++this.syncCounter;
  }
  get syncCount(): number {
    return this.syncs.length;
  }
  resetCounters(): void {
    this.syncs.length = 0;
    this.rowsAddCalls = 0;
    this.calculationSuspensions = 0;
  }
  _handlers(sheetId: string): SheetHandlers {
    let h = this.handlers.get(sheetId);
    if (!h) {
      h = { changed: [], selection: [] };
      this.handlers.set(sheetId, h);
    }
    return h;
  }

  /** The `Excel` namespace our code calls: `run` plus the enums it uses. */
  get api() {
    type Batch<T> = (context: RequestContextDouble) => Promise<T>;
    const run = async <T>(a: Batch<T> | { delayForCellEdit?: boolean }, b?: Batch<T>): Promise<T> => {
      const context = new RequestContextDouble(this);
      if (typeof a === "function") return a(context);
      context.delayForCellEdit = a.delayForCellEdit === true;
      if (!b) throw new DoubleError("InvalidArgument", "Excel.run(options) needs a batch function");
      return b(context);
    };
    return {
      run,
      SpecialCellType: { blanks: "Blanks", constants: "Constants" },
      DeleteShiftDirection: { up: "Up", left: "Left" },
      ConditionalFormatType: { custom: "Custom" },
      DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
      ChartType: { columnClustered: "ColumnClustered", pie: "Pie" },
      ChartSeriesBy: { columns: "Columns", rows: "Rows", auto: "Auto" },
      InsertShiftDirection: { down: "Down", right: "Right" },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    };
  }

  /** Installs `Excel` and `OfficeExtension` as globals (the shape office.js gives a page). */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    target.Excel = this.api;
    target.OfficeExtension = { Error: DoubleError };
  }

  _maybeExpandTables(sheet: SheetStore, rect: Rect): void {
    if (this.options.autoExpandTables === false) return;
    for (const t of this.store.tables) {
      if (t.sheetId !== sheet.id || t.showTotals) continue;
      if (rect.r0 !== t.rect.r1 + 1 || rect.c0 > t.rect.c1 || rect.c1 < t.rect.c0) continue;
      // Excel grows the table over rows written directly below it, but only rows whose first
      // cell (the table's first column) holds something (office-js#2097, by design).
      let grow = 0;
      for (let r = rect.r0; r <= rect.r1; r++) {
        const cell = sheet.cell(r, t.rect.c0);
        if (!cell || ((cell.v === null || cell.v === "") && cell.f === null)) break;
        grow++;
      }
      if (grow > 0) {
        const from = t.rect.r1 + 1;
        t.rect = { ...t.rect, r1: t.rect.r1 + grow };
        inheritRows(sheet, t, from, t.rect.r1);
      }
    }
  }

  _afterSync(writes: Array<{ sheet: SheetStore; rect: Rect }>, context: RequestContextDouble): void {
    if (!context.runtime.enableEvents) return;
    for (const w of writes) this._fireChanged(w.sheet, w.rect, "Local", "ThisLocalAddin");
  }

  _fireChanged(sheet: SheetStore, rect: Rect, source: "Local" | "Remote", triggerSource: "Unknown" | "ThisLocalAddin"): void {
    const args: ChangedArgs = { address: rectToA1(rect), changeType: "RangeEdited", source, triggerSource, type: "WorksheetChanged", worksheetId: sheet.id };
    this.events.push(args);
    for (const h of this._handlers(sheet.id).changed) void h(args);
  }

  _fireSelection(sheet: SheetStore, rect: Rect): void {
    const args: SelectionArgs = { address: rectToA1(rect), type: "WorksheetSelectionChanged", worksheetId: sheet.id };
    for (const h of this._handlers(sheet.id).selection) void h(args);
  }

  // ---- a co-author: another client's edits, merged into the shared workbook, arriving as Remote ----

  private remote(sheet: SheetStore, rect: Rect): void {
    this._fireChanged(sheet, rect, "Remote", "Unknown");
  }
  /** A co-author inserts `n` whole rows before worksheet row `row` (1-based). */
  remoteInsertRows(sheetName: string, row: number, n = 1): void {
    const sheet = this.sheet(sheetName);
    insertRows(this.store, sheet, row - 1, n);
    this.remote(sheet, { r0: row - 1, r1: row - 2 + n, c0: 0, c1: 16383 });
  }
  /** A co-author deletes `n` whole rows from worksheet row `row` (1-based). */
  remoteDeleteRows(sheetName: string, row: number, n = 1): void {
    const sheet = this.sheet(sheetName);
    deleteRows(this.store, sheet, row - 1, n);
    this.remote(sheet, { r0: row - 1, r1: row - 2 + n, c0: 0, c1: 16383 });
  }
  /** A co-author sorts a table by the column with this header. */
  remoteSort(tableName: string, header: string, descending = false): void {
    const t = this.table(tableName);
    const sheet = this.store.sheetById(t.sheetId) as SheetStore;
    const offset = this._offsetOf(t, sheet, header);
    sortTable(sheet, t, offset, descending);
    this.remote(sheet, t.rect);
  }
  /** A co-author (or the user) filters a table: body rows whose cell in that column fails `keep` are hidden. */
  remoteFilter(tableName: string, header: string, keep: (v: CellValue) => boolean): void {
    const t = this.table(tableName);
    const sheet = this.store.sheetById(t.sheetId) as SheetStore;
    const c = t.rect.c0 + this._offsetOf(t, sheet, header);
    for (let r = t.rect.r0 + 1; r <= t.rect.r1 - (t.showTotals ? 1 : 0); r++) {
      if (keep(sheet.cell(r, c)?.v ?? null)) sheet.hiddenRows.delete(r);
      else sheet.hiddenRows.add(r);
    }
    t.filtered = true;
  }
  /** A co-author typing (parse-as-you-type), arriving as a Remote change. */
  remoteTypes(sheetName: string, address: string, values: CellValue[][]): void {
    this._type(sheetName, address, values, "Remote");
  }
  private _offsetOf(t: TableStore, sheet: SheetStore, header: string): number {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) if (String(sheet.cell(t.rect.r0, c)?.v ?? "") === header) return c - t.rect.c0;
    throw new Error(`no column ${header} in ${t.name}`);
  }

  // ---- test helpers: a user typing, and looking at what the workbook holds ----

  /** A person typing values into cells (parse-as-you-type applies), firing onChanged as Excel would. */
  userTypes(sheetName: string, address: string, values: CellValue[][]): void {
    this._type(sheetName, address, values, "Local");
  }
  private _type(sheetName: string, address: string, values: CellValue[][], source: "Local" | "Remote"): void {
    const sheet = this.sheet(sheetName);
    const rect = parseA1(address);
    if (!rect) throw new Error(`bad address ${address}`);
    values.forEach((row, i) => row.forEach((x, j) => {
      const cell = sheet.ensure(rect.r0 + i, rect.c0 + j);
      if (typeof x === "string") Object.assign(cell, parseTyped(x, cell.nf));
      else { cell.v = x; cell.f = null; }
    }));
    this._maybeExpandTables(sheet, rect);
    this._fireChanged(sheet, rect, source, "Unknown");
  }
  /** A person selecting a range. */
  userSelects(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const rect = parseA1(address);
    if (!rect) throw new Error(`bad address ${address}`);
    this.store.selection = { sheetId: sheet.id, rect };
    this.store.activeSheetId = sheet.id;
    this._fireSelection(sheet, rect);
  }
  sheet(name: string): SheetStore {
    const s = this.store.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  cell(sheetName: string, address: string): Cell | undefined {
    const rect = parseA1(address);
    if (!rect) throw new Error(`bad address ${address}`);
    return this.sheet(sheetName).cell(rect.r0, rect.c0);
  }
  /** Values of a rectangle (formulas shown as their text), for assertions. */
  grid(sheetName: string, address: string): CellValue[][] {
    const rect = parseA1(address);
    if (!rect) throw new Error(`bad address ${address}`);
    const sheet = this.sheet(sheetName);
    const out: CellValue[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: CellValue[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.cell(r, c);
        row.push(cell ? (cell.f ?? cell.v) : null);
      }
      out.push(row);
    }
    return out;
  }
  table(name: string): TableStore {
    const t = this.store.table(name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }
  /** A deep snapshot of every cell, for "nothing else changed" assertions. */
  snapshot(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.store.sheets) for (const [r, row] of s.cells) for (const [c, cell] of row) out.set(`${s.name}!${colToLetters(c)}${r + 1}`, JSON.stringify(cell));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Requirement sets: every member of every proxy is checked against the host's sets

let MANIFEST_SETS: HostSets | null | undefined;

/** Which Excel class each proxy stands for (the typings' names, where the requirement sets are read). */
const EXCEL_CLASS = new Map<unknown, string>([
  [WorkbookDouble, "Workbook"], [ApplicationDouble, "Application"], [SettingCollectionDouble, "SettingCollection"], [SettingDouble, "Setting"],
  [WorksheetCollectionDouble, "WorksheetCollection"], [WorksheetDouble, "Worksheet"], [WorksheetProtectionDouble, "WorksheetProtection"],
  [FreezePanesDouble, "WorksheetFreezePanes"], [AutoFilterDouble, "AutoFilter"], [RangeDouble, "Range"], [RangeAreasDouble, "RangeAreas"],
  [RangeViewDouble, "RangeView"], [RangeFormatDouble, "RangeFormat"], [RangeFillDouble, "RangeFill"], [RangeFontDouble, "RangeFont"],
  [RangeFormatProtectionDouble, "FormatProtection"], [DataValidationDouble, "DataValidation"], [ConditionalFormatCollectionDouble, "ConditionalFormatCollection"],
  [ConditionalFormatDouble, "ConditionalFormat"], [TableCollectionDouble, "TableCollection"], [TableDouble, "Table"], [TableRowCollectionDouble, "TableRowCollection"],
  [TableColumnCollectionDouble, "TableColumnCollection"], [TableColumnDouble, "TableColumn"], [NamedItemCollectionDouble, "NamedItemCollection"],
  [NamedItemDouble, "NamedItem"], [ChartCollectionDouble, "ChartCollection"], [ChartDouble, "Chart"], [ChartTitleDouble, "ChartTitle"],
  [ChartLegendDouble, "ChartLegend"], [ChartDataLabelsDouble, "ChartDataLabels"], [ChartAxisDouble, "ChartAxis"], [ChartSeriesCollectionDouble, "ChartSeriesCollection"],
  [ChartSeriesDouble, "ChartSeries"], [PageLayoutDouble, "PageLayout"], [PageBreakCollectionDouble, "PageBreakCollection"],
]);

/** The Excel class a proxy stands for, if any (tests list what the double checks). */
export function excelClassOf(proxy: object): string | undefined {
  return EXCEL_CLASS.get(proxy.constructor);
}

type WithContext = { readonly context: RequestContextDouble };

/**
 * Wraps each method and accessor of the proxies whose typings name a requirement set: a call the
 * host lacks queues a failing action, so the batch fails at sync with ApiNotFound at that point,
 * as Excel does. A supported call costs one lookup and changes nothing.
 */
function guardRequirementSets(): void {
  for (const [cls, excel] of EXCEL_CLASS) {
    const proto = (cls as { prototype: object }).prototype;
    for (const member of Object.getOwnPropertyNames(proto)) {
      if (member === "constructor" || member.startsWith("_")) continue;
      const need = apiSetOf(excel, member);
      if (!need) continue;
      const d = Object.getOwnPropertyDescriptor(proto, member);
      if (!d) continue;
      const check = (self: WithContext) => self.context._requireApi(excel, member, need);
      if (typeof d.value === "function") {
        const f = d.value as (...args: unknown[]) => unknown;
        d.value = function (this: WithContext, ...args: unknown[]) { check(this); return f.apply(this, args); };
      }
      const get = d.get;
      const set = d.set;
      if (get) d.get = function (this: WithContext) { check(this); return get.call(this); };
      if (set) d.set = function (this: WithContext, v: unknown) { check(this); set.call(this, v); };
      Object.defineProperty(proto, member, d);
    }
  }
}
guardRequirementSets();
