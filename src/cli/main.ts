import * as fs from "fs";
import * as path from "path";
import { parseTypedDay, fromLocalDate, type DayNumber, formatIso } from "../core/_lib/calendar";
import { LANGS, localeLang, type Lang } from "../core/i18n/lang";
import { say } from "../core/i18n/catalogue";
import { sheetName } from "../core/template/sheets";
import { UseCaseError } from "../core/usecases/errors";
import { formatIssue } from "../core/i18n/messages";
import { TEMPLATE_VERSION } from "../core/template/sheets";
import { XlsxError } from "../xlsx/book";
import { gradeFile, logFile, checkFile, templateInfo } from "../xlsx/usecases";
import { atomicWrite, lockWarning } from "../xlsx/save";
import { sampleRows } from "./sampleData";
import { gradeText, issuesText } from "./output";

/** Bad usage: worded when it is raised, in the language the command line speaks at that point. */
export class UsageError extends Error {}

const COMMANDS = ["init", "grade", "log", "check", "demo"] as const;

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
  /** The process environment: its locale picks the language until a workbook speaks for itself. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const PHASES = ["read", "grade", "write", "done"] as const;

/** A progress bar on stderr for files over 5 MB, when stderr is a terminal. */
function progressFor(file: string, io: Io, lang: Lang): ((p: (typeof PHASES)[number]) => void) | undefined {
  if (!io.progress || !fs.existsSync(file) || fs.statSync(file).size < 5 * 1024 * 1024) return undefined;
  const label = { read: say(lang, "cli", "phaseRead"), grade: say(lang, "cli", "phaseGrade"), write: say(lang, "cli", "phaseWrite"), done: say(lang, "cli", "phaseDone") } as const;
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

const VALUE_FLAGS = new Set(["lang", "today", "customer", "date", "method", "summary", "by", "feedback", "next-step", "next-date", "stage"]);
const BOOL_FLAGS = new Set(["json", "help"]);

export function parseArgs(argv: readonly string[], lang: Lang): Parsed {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (BOOL_FLAGS.has(name)) { flags[name] = true; continue; }
      if (!VALUE_FLAGS.has(name)) throw new UsageError(say(lang, "cli", "unknownOption", { name }));
      // Values are taken verbatim: a summary may itself start with "-" or "=" and stays text.
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(say(lang, "cli", "needsValue", { name }));
      flags[name] = value;
    } else positional.push(a);
  }
  return { command: positional[0] ?? "", file: positional[1] ?? null, flags };
}

function str(flags: Parsed["flags"], name: string): string | undefined {
  const v = flags[name];
  return typeof v === "string" ? v : undefined;
}

function dayFlag(flags: Parsed["flags"], name: string, fallback: DayNumber | null, lang: Lang): DayNumber | null {
  const v = str(flags, name);
  if (v === undefined) return fallback;
  const d = parseTypedDay(v);
  if (d === null) throw new UsageError(say(lang, "cli", "notADate", { name, value: v }));
  return d;
}

function langFlag(flags: Parsed["flags"], speaking: Lang): Lang {
  const v = str(flags, "lang");
  // Most teams work in Chinese: a new workbook is zh-CN unless asked otherwise.
  if (v === undefined) return "zh-CN";
  const lang = LANGS.find((l) => l === v);
  if (!lang) throw new UsageError(say(speaking, "cli", "badLang", { langs: LANGS.join(", ") }));
  return lang;
}

function needFile(p: Parsed, lang: Lang): string {
  if (!p.file) throw new UsageError(say(lang, "cli", "needsFile", { command: p.command }));
  return p.file;
}

async function init(p: Parsed, io: Io, speaking: Lang): Promise<number> {
  const file = needFile(p, speaking);
  const lang = langFlag(p.flags, speaking);
  if (fs.existsSync(file)) {
    const info = templateInfo(file);
    if (!info || info.version === null) throw new XlsxError(say(speaking, "cli", "notOurs", { file }));
    const current = info.version >= TEMPLATE_VERSION;
    io.out(say(info.lang, "cli", current ? "alreadyTemplateCurrent" : "alreadyTemplate", { file, version: info.version }));
    return 0;
  }
  atomicWrite(file, await (await loadInit()).templateWorkbook(lang));
  io.out(say(lang, "cli", "created", { file, version: TEMPLATE_VERSION }));
  return 0;
}

async function demo(p: Parsed, io: Io, today: DayNumber, speaking: Lang): Promise<number> {
  const file = needFile(p, speaking);
  const lang = langFlag(p.flags, speaking);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sample = sampleRows({ customers: 200, followUpsPerCustomer: 3, today, lang });
  atomicWrite(file, await (await loadInit()).templateWorkbook(lang, sample));
  const out = gradeFile(file, today);
  io.out(gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled));
  return 0;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // Before a workbook is open the command line speaks the user's locale; after, the workbook's language.
  let speaking = localeLang(io.env ?? {});
  let file: string | null = null;
  try {
    const p = parseArgs(argv, speaking);
    file = p.file;
    if (p.flags.help || p.command === "" || p.command === "help") {
      io.out(say(speaking, "cli", "usage"));
      return p.command === "" && !p.flags.help ? 2 : 0;
    }
    const today = dayFlag(p.flags, "today", fromLocalDate(io.now()), speaking) as DayNumber;
    const json = p.flags.json === true;
    if (p.file) {
      const lock = lockWarning(p.file);
      if (lock) io.err(say(speaking, "cli", "lockWarning", { lock: path.basename(lock) }));
    }
    switch (p.command) {
      case "init": return await init(p, io, speaking);
      case "demo": return await demo(p, io, today, speaking);
      case "grade": {
        const file = needFile(p, speaking);
        const out = gradeFile(file, today, undefined, progressFor(file, io, speaking));
        io.out(json ? JSON.stringify({ file, today: formatIso(today), ...out }, null, 2) : gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled));
        return 0;
      }
      case "log": {
        const file = needFile(p, speaking);
        const need = (n: string) => {
          const v = str(p.flags, n);
          if (v === undefined) throw new UsageError(say(speaking, "cli", "logNeeds", { name: n }));
          return v;
        };
        const out = logFile(file, {
          customerId: need("customer"), date: dayFlag(p.flags, "date", null, speaking) ?? (() => { throw new UsageError(say(speaking, "cli", "logNeeds", { name: "date" })); })(),
          method: need("method"), summary: need("summary"), by: str(p.flags, "by") ?? "",
          feedback: str(p.flags, "feedback") ?? "", nextStep: str(p.flags, "next-step") ?? "",
          nextDate: dayFlag(p.flags, "next-date", null, speaking), stage: str(p.flags, "stage") ?? "",
        }, today);
        const next = out.nextDue !== null ? formatIso(out.nextDue) : "—";
        io.out(json ? JSON.stringify({ file, ...out }, null, 2) : say(out.lang, "cli", "logged", { file, row: out.row, sheet: sheetName("followUps", out.lang), customer: out.customer, next }));
        return 0;
      }
      case "check": {
        const file = needFile(p, speaking);
        const out = checkFile(file, today);
        io.out(json ? JSON.stringify({ file, issues: out.issues.map((i) => ({ ...i, message: formatIssue(i, out.lang) })) }, null, 2) : issuesText(out.issues, out.lang, file));
        return out.issues.length > 0 ? 1 : 0;
      }
      default:
        throw new UsageError(say(speaking, "cli", "unknownCommand", { command: p.command, commands: COMMANDS.join(", ") }));
    }
  } catch (e) {
    // A use-case refused the workbook: say why in the workbook's own language.
    if (e instanceof UseCaseError && file) speaking = workbookLang(file) ?? speaking;
    io.err(`crm-sheets: ${oneLine(e, speaking)}`);
    return 2;
  }
}

function workbookLang(file: string): Lang | null {
  try {
    return templateInfo(file)?.lang ?? null;
  } catch {
    return null;
  }
}

/** Every failure becomes one line: what, and where (sheet, row, column) when known. */
export function oneLine(e: unknown, lang: Lang): string {
  if (e instanceof UsageError) return e.message;
  if (e instanceof UseCaseError) return e.issues.map((i) => formatIssue(i, lang)).join("; ");
  if (e instanceof XlsxError) return [e.sheet, e.row !== undefined ? say(lang, "cli", "atRow", { row: e.row }) : undefined, e.column].filter(Boolean).join(", ").concat(e.sheet ? ": " : "", e.message);
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === "string") {
    if (err.code === "EACCES" || err.code === "EPERM") return say(lang, "cli", "permissionDenied", { path: err.path ?? "" });
    if (err.code === "ENOENT") return say(lang, "cli", "noSuchFile", { path: err.path ?? "" });
    if (err.code === "ENOSPC") return say(lang, "cli", "diskFull");
  }
  return e instanceof Error ? e.message.split("\n")[0] ?? "error" : String(e);
}
