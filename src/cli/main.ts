import * as fs from "fs";
import * as path from "path";
import { parseIsoDay, fromLocalDate, type DayNumber, formatIso } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import { UseCaseError } from "../core/usecases/errors";
import { formatIssue } from "../core/i18n/messages";
import { TEMPLATE_VERSION } from "../core/template/sheets";
import { XlsxError } from "../xlsx/book";
import { gradeFile, logFile, checkFile, templateInfo } from "../xlsx/usecases";
import { atomicWrite, lockWarning } from "../xlsx/save";
import { sampleRows, DEFAULT_CUSTOMERS, DEFAULT_SEED } from "./sampleData";
import { gradeText, issuesText } from "./output";
import { IMPORT_USAGE, runImport } from "./importCommand";

const USAGE = `crm-sheets — a sales team's CRM in an Excel workbook

Usage:
  crm-sheets init <file> [--lang zh-CN|en-US]
  crm-sheets grade <file> [--today YYYY-MM-DD] [--json]
  crm-sheets log <file> --customer ID --date D --method M --summary S [--by B] [--feedback F]
                 [--next-step N] [--next-date D] [--stage S] [--today YYYY-MM-DD] [--json]
  crm-sheets check <file> [--today YYYY-MM-DD] [--json]
  crm-sheets demo <file> [--lang zh-CN|en-US] [--today YYYY-MM-DD] [--seed N] [--customers N]
${IMPORT_USAGE}

Exit codes: 0 done, 1 check found problems, 2 bad usage or unreadable file.`;

export class UsageError extends Error {}

/** exceljs is needed only to create new files: loading it lazily keeps grade, log and check quick to start. */
function loadInit(): Promise<typeof import("../xlsx/init")> {
  return import("../xlsx/init");
}

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly now: () => Date;
  /** A terminal on stderr: large files get a progress bar there. */
  readonly progress?: (text: string) => void;
}

const PHASES = ["read", "grade", "write", "done"] as const;

/** A progress bar on stderr for files over 5 MB, when stderr is a terminal. */
function progressFor(file: string, io: Io): ((p: (typeof PHASES)[number]) => void) | undefined {
  if (!io.progress || !fs.existsSync(file) || fs.statSync(file).size < 5 * 1024 * 1024) return undefined;
  const label = { read: "reading", grade: "grading", write: "writing", done: "done" } as const;
  return (p) => {
    const i = PHASES.indexOf(p);
    const bar = "#".repeat(i * 8).padEnd(24, "-");
    io.progress?.(`\r[${bar}] ${label[p]}${p === "done" ? "\n" : "…"}`);
  };
}

interface Parsed {
  readonly command: string;
  readonly file: string | null;
  readonly flags: Readonly<Record<string, string | true>>;
}

const VALUE_FLAGS = new Set(["lang", "today", "customer", "date", "method", "summary", "by", "feedback", "next-step", "next-date", "stage", "seed", "customers"]);
const BOOL_FLAGS = new Set(["json", "help"]);

export function parseArgs(argv: readonly string[]): Parsed {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (BOOL_FLAGS.has(name)) { flags[name] = true; continue; }
      if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
      // Values are taken verbatim: a summary may itself start with "-" or "=" and stays text.
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    } else positional.push(a);
  }
  return { command: positional[0] ?? "", file: positional[1] ?? null, flags };
}

function str(flags: Parsed["flags"], name: string): string | undefined {
  const v = flags[name];
  return typeof v === "string" ? v : undefined;
}

function dayFlag(flags: Parsed["flags"], name: string, fallback: DayNumber | null): DayNumber | null {
  const v = str(flags, name);
  if (v === undefined) return fallback;
  const d = parseIsoDay(v) ?? parseLoose(v);
  if (d === null) throw new UsageError(`--${name} "${v}" is not a date (use YYYY-MM-DD)`);
  return d;
}

function parseLoose(v: string): DayNumber | null {
  const m = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$/.exec(v.trim());
  return m ? parseIsoDay(`${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}`) : null;
}

function langFlag(flags: Parsed["flags"]): Lang {
  const v = str(flags, "lang");
  // Most teams work in Chinese: a new workbook is zh-CN unless asked otherwise.
  if (v === undefined) return "zh-CN";
  if (v !== "zh-CN" && v !== "en-US") throw new UsageError(`--lang must be zh-CN or en-US`);
  return v;
}

function intFlag(flags: Parsed["flags"], name: string, fallback: number, min: number): number {
  const v = str(flags, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min || !Number.isSafeInteger(Number(v))) throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
  return Number(v);
}

function needFile(p: Parsed): string {
  if (!p.file) throw new UsageError(`${p.command} needs a file`);
  return p.file;
}

async function init(p: Parsed, io: Io): Promise<number> {
  const file = needFile(p);
  const lang = langFlag(p.flags);
  if (fs.existsSync(file)) {
    const info = templateInfo(file);
    if (!info || info.version === null) throw new XlsxError(`${file} already exists and is not a crm-sheets workbook; nothing was changed (choose a new file name)`);
    io.out(info.lang === "zh-CN" ? `${file}:已是客户管理表,模板版本 ${info.version}${info.version >= TEMPLATE_VERSION ? "(最新)" : ""}。` : `${file}: already a crm-sheets workbook, template version ${info.version}${info.version >= TEMPLATE_VERSION ? " (current)" : ""}.`);
    return 0;
  }
  atomicWrite(file, await (await loadInit()).templateWorkbook(lang));
  io.out(lang === "zh-CN" ? `已创建 ${file}(模板版本 ${TEMPLATE_VERSION})。` : `Created ${file} (template version ${TEMPLATE_VERSION}).`);
  return 0;
}

async function demo(p: Parsed, io: Io, today: DayNumber): Promise<number> {
  const file = needFile(p);
  const lang = langFlag(p.flags);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sample = sampleRows({ customers: intFlag(p.flags, "customers", DEFAULT_CUSTOMERS, 1), seed: intFlag(p.flags, "seed", DEFAULT_SEED, 0), today, lang });
  atomicWrite(file, await (await loadInit()).templateWorkbook(lang, sample));
  const out = gradeFile(file, today);
  io.out(gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled));
  return 0;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    // import reads its own arguments (a repeatable --map).
    if (argv[0] === "import") return runImport(argv.slice(1), io.out, io.now());
    const p = parseArgs(argv);
    if (p.flags.help || p.command === "" || p.command === "help") {
      io.out(USAGE);
      return p.command === "" && !p.flags.help ? 2 : 0;
    }
    const today = dayFlag(p.flags, "today", fromLocalDate(io.now())) as DayNumber;
    const json = p.flags.json === true;
    if (p.file) {
      const lock = lockWarning(p.file);
      if (lock) io.err(`warning: ${path.basename(lock)} exists — the workbook seems to be open in Excel; changes made there after this run may overwrite ours`);
    }
    switch (p.command) {
      case "init": return await init(p, io);
      case "demo": return await demo(p, io, today);
      case "grade": {
        const file = needFile(p);
        const out = gradeFile(file, today, undefined, progressFor(file, io));
        io.out(json ? JSON.stringify({ file, today: formatIso(today), ...out }, null, 2) : gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled));
        return 0;
      }
      case "log": {
        const file = needFile(p);
        const need = (n: string) => {
          const v = str(p.flags, n);
          if (v === undefined) throw new UsageError(`log needs --${n}`);
          return v;
        };
        const out = logFile(file, {
          customerId: need("customer"), date: dayFlag(p.flags, "date", null) ?? (() => { throw new UsageError("log needs --date"); })(),
          method: need("method"), summary: need("summary"), by: str(p.flags, "by") ?? "",
          feedback: str(p.flags, "feedback") ?? "", nextStep: str(p.flags, "next-step") ?? "",
          nextDate: dayFlag(p.flags, "next-date", null), stage: str(p.flags, "stage") ?? "",
        }, today);
        io.out(json ? JSON.stringify({ file, ...out }, null, 2) : out.lang === "zh-CN" ? `${file}:已记录到「跟进记录」第 ${out.row} 行;${out.customer} 下次跟进 ${out.nextDue !== null ? formatIso(out.nextDue) : "—"}。` : `${file}: logged on row ${out.row} of Follow-ups; ${out.customer} is next due ${out.nextDue !== null ? formatIso(out.nextDue) : "—"}.`);
        return 0;
      }
      case "check": {
        const file = needFile(p);
        const out = checkFile(file, today);
        io.out(json ? JSON.stringify({ file, issues: out.issues.map((i) => ({ ...i, message: formatIssue(i, out.lang) })) }, null, 2) : issuesText(out.issues, out.lang, file));
        return out.issues.length > 0 ? 1 : 0;
      }
      default:
        throw new UsageError(`unknown command "${p.command}" (init, grade, log, check, import, demo)`);
    }
  } catch (e) {
    io.err(`crm-sheets: ${oneLine(e)}`);
    return 2;
  }
}

/** Every failure becomes one line: what, and where (sheet, row, column) when known. */
export function oneLine(e: unknown): string {
  if (e instanceof UsageError) return e.message;
  if (e instanceof UseCaseError) return e.issues.map((i) => formatIssue(i, "en-US")).join("; ");
  if (e instanceof XlsxError) return [e.sheet, e.row !== undefined ? `row ${e.row}` : undefined, e.column].filter(Boolean).join(", ").concat(e.sheet ? ": " : "", e.message);
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === "string") {
    if (err.code === "EACCES" || err.code === "EPERM") return `permission denied: ${err.path ?? ""}; nothing was changed`;
    if (err.code === "ENOENT") return `no such file: ${err.path ?? ""}`;
    if (err.code === "ENOSPC") return `the disk is full; nothing was changed`;
  }
  return e instanceof Error ? e.message.split("\n")[0] ?? "error" : String(e);
}
