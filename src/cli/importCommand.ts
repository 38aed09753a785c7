import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fromLocalDate, parseIsoDay, type DayNumber } from "../core/_lib/calendar";
import { MappingError, type ImportKind, type MapOverride } from "../core/import/headers";
import { CsvError, readCsv } from "../core/import/csv";
import { importText, type ImportTextKey } from "../core/import/messages";
import { contactsText, noteText, outcomeText } from "../core/import/report";
import type { OnDuplicate, SourceTable } from "../core/import/planImport";
import type { Lang } from "../core/i18n/lang";
import { readXlsxSource } from "../xlsx/importSource";
import { importFile } from "../xlsx/importFile";
import { readFileChecked } from "../xlsx/save";

/** A usage or input problem: one line, exit 2, the target untouched. */
export class ImportUsageError extends Error {}

interface ImportArgs {
  readonly source: string;
  readonly into: string;
  readonly kind: ImportKind;
  readonly sheet?: string;
  readonly map: MapOverride[];
  readonly onDuplicate: OnDuplicate;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly today?: DayNumber;
}

/** `import` takes a repeatable `--map`, so it reads its own arguments. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const positional: string[] = [];
  const map: MapOverride[] = [];
  let into: string | undefined, kind: ImportKind = "customers", sheet: string | undefined, onDuplicate: OnDuplicate = "fill";
  let dryRun = false, json = false, today: DayNumber | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith("--")) { positional.push(a); continue; }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (name === "dry-run") { dryRun = true; continue; }
    if (name === "json") { json = true; continue; }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new ImportUsageError(`--${name} needs a value`);
    switch (name) {
      case "into": into = value; break;
      case "sheet": sheet = value; break;
      case "kind":
        if (value !== "customers" && value !== "followups") throw new ImportUsageError(`--kind must be customers or followups`);
        kind = value;
        break;
      case "on-duplicate":
        if (value !== "fill" && value !== "skip" && value !== "new") throw new ImportUsageError(`--on-duplicate must be fill, skip or new`);
        onDuplicate = value;
        break;
      case "map": {
        const at = value.search(/[=＝]/);
        if (at <= 0) throw new ImportUsageError(`--map "${value}" must read "source column=target column"`);
        map.push({ source: value.slice(0, at).trim(), target: value.slice(at + 1).trim() });
        break;
      }
      case "today": {
        const d = parseIsoDay(value);
        if (d === null) throw new ImportUsageError(`--today "${value}" is not a date (use YYYY-MM-DD)`);
        today = d;
        break;
      }
      default: throw new ImportUsageError(`unknown option --${name}`);
    }
  }
  const source = positional[0];
  if (!source) throw new ImportUsageError("import needs a source file (.csv or .xlsx)");
  if (positional.length > 1) throw new ImportUsageError(`unexpected argument "${positional[1]}"`);
  if (!into) throw new ImportUsageError("import needs --into <workbook.xlsx>");
  return { source, into, kind, map, onDuplicate, dryRun, json, ...(sheet !== undefined ? { sheet } : {}), ...(today !== undefined ? { today } : {}) };
}

/** A CSV or .xlsx source as rows; anything else, or an unreadable file, is refused. */
export async function readSource(file: string, kind: ImportKind, sheet?: string): Promise<SourceTable> {
  if (!fs.existsSync(file)) throw new ImportUsageError(`${file}: no such file`);
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return readXlsxSource(readFileChecked(file), name, kind, sheet);
  if (ext === ".xls") throw new ImportUsageError(`${file}: .xls (Excel 97-2003) is not supported; save it as .xlsx or CSV first`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsxSource(bytes, name, kind, sheet);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new ImportUsageError(`${file}: the file is encrypted (password-protected) or in the old .xls format; save an unprotected .xlsx or CSV copy first`);
  if (bytes.length === 0) throw new ImportUsageError(`${file}: the file is empty`);
  try {
    return { name, ...readCsv(bytes) };
  } catch (e) {
    if (e instanceof CsvError) throw new ImportUsageError(`${file}: ${e.message}`);
    throw e;
  }
}

function mappingMessage(e: MappingError, lang: Lang): string {
  const key: Record<MappingError["code"], ImportTextKey> = { noHeader: "errNoHeader", unknownSourceColumn: "errUnknownSource", unknownTarget: "errUnknownTarget" };
  return importText(lang, key[e.code], { value: e.value });
}

/**
 * `crm-sheets import`: reads the source, plans through core, writes through the file door (or
 * only reports on a dry run). Human output follows the workbook's language.
 */
export async function runImport(argv: readonly string[], out: (s: string) => void, now: Date): Promise<number> {
  const a = parseImportArgs(argv);
  const source = await readSource(a.source, a.kind, a.sheet);
  const today = a.today ?? (fromLocalDate(now) as DayNumber);
  let result;
  try {
    result = await importFile(a.into, source, { kind: a.kind, map: a.map, onDuplicate: a.onDuplicate, today, dryRun: a.dryRun, now, user: userName() });
  } catch (e) {
    if (e instanceof MappingError) throw new ImportUsageError(`${path.basename(a.source)}: ${mappingMessage(e, "en-US")}`);
    throw e;
  }
  const { plan, lang } = result;
  const c = plan.counts;
  if (a.json) {
    out(JSON.stringify({
      source: a.source, into: a.into, kind: a.kind, dryRun: a.dryRun, counts: c, newColumns: plan.newColumns, reportSheet: result.written ? result.reportSheet : null,
      contacts: { ...plan.contacts.counts, tableMissing: plan.contacts.tableMissing },
      report: plan.report.map((r) => ({ sourceRow: r.sourceRow, outcome: r.outcome, target: r.target, flagged: r.flagged, notes: r.notes.map((n) => noteText(n, lang)), original: r.original })),
    }, null, 2));
    return 0;
  }
  const lines = [importText(lang, "summaryLine", {
    file: path.basename(a.source), read: c.read, added: c.added, merged: c.merged, skipped: c.skipped, flagged: c.flagged,
    report: result.written && plan.report.length > 0 ? importText(lang, "summaryReport", { sheet: result.reportSheet }) : "",
  }).trim()];
  const contacts = contactsText(plan, lang);
  if (contacts !== "") lines.push(contacts);
  if (plan.newColumns.length > 0) lines.push(importText(lang, "newColumns", { value: plan.newColumns.join(", ") }));
  if (a.dryRun) {
    lines.push(importText(lang, "dryRun"));
    for (const r of plan.report.slice(0, 50)) lines.push(`  ${r.sourceRow}\t${outcomeText(r.outcome, lang)}\t${r.target}\t${r.notes.map((n) => noteText(n, lang)).join("; ")}`);
    if (plan.report.length > 50) lines.push(`  … ${plan.report.length - 50}`);
  }
  out(lines.join("\n"));
  return 0;
}

function userName(): string {
  try {
    return os.userInfo().username || "crm-sheets";
  } catch {
    return "crm-sheets";
  }
}

