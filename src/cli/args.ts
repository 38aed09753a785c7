import { parseTypedDay, type DayNumber } from "../core/_lib/calendar";
import { LANGS, type Lang } from "../core/i18n/lang";
import { say } from "../core/i18n/catalogue";

/** Bad usage: worded when it is raised, in the language the command line speaks at that point. */
export class UsageError extends Error {}

export const COMMANDS = ["init", "grade", "log", "check", "complaint", "dashboard", "pool", "claim", "handover", "demo"] as const;

export interface Parsed {
  readonly command: string;
  readonly file: string | null;
  readonly flags: Readonly<Record<string, string | true>>;
}

const VALUE_FLAGS = new Set([
  "lang",
  "today",
  "customer",
  "date",
  "method",
  "summary",
  "by",
  "feedback",
  "next-step",
  "next-date",
  "stage",
  "seed",
  "customers",
  "owner",
  "from",
  "to",
  "spoke-with",
  "at",
]);
const BOOL_FLAGS = new Set(["json", "help", "release", "all-stages", "dry-run"]);

/** Splits argv into a command, a file and flags; an unknown or valueless option is a UsageError. */
export function parseArgs(argv: readonly string[], lang: Lang): Parsed {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (BOOL_FLAGS.has(name)) {
        flags[name] = true;
        continue;
      }
      if (!VALUE_FLAGS.has(name)) throw new UsageError(say(lang, "cli", "unknownOption", { name }));
      // Values are taken verbatim: a summary may itself start with "-" or "=" and stays text.
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(say(lang, "cli", "needsValue", { name }));
      flags[name] = value;
    } else positional.push(a);
  }
  return { command: positional[0] ?? "", file: positional[1] ?? null, flags };
}

/** A flag's text value, or undefined when absent (or given as a bare switch). */
export function str(flags: Parsed["flags"], name: string): string | undefined {
  const v = flags[name];
  return typeof v === "string" ? v : undefined;
}

/** A date flag in the forms people type, or the fallback when absent. */
export function dayFlag(flags: Parsed["flags"], name: string, fallback: DayNumber | null, lang: Lang): DayNumber | null {
  const v = str(flags, name);
  if (v === undefined) return fallback;
  const d = parseTypedDay(v);
  if (d === null) throw new UsageError(say(lang, "cli", "notADate", { name, value: v }));
  return d;
}

/** The content language asked for a new workbook. */
export function langFlag(flags: Parsed["flags"], speaking: Lang): Lang {
  const v = str(flags, "lang");
  // Most teams work in Chinese: a new workbook is zh-CN unless asked otherwise.
  if (v === undefined) return "zh-CN";
  const lang = LANGS.find((l) => l === v);
  if (!lang) throw new UsageError(say(speaking, "cli", "badLang", { langs: LANGS.join(", ") }));
  return lang;
}

/** The command's file argument, which every command needs. */
export function needFile(p: Parsed, lang: Lang): string {
  if (!p.file) throw new UsageError(say(lang, "cli", "needsFile", { command: p.command }));
  return p.file;
}

/** A whole-number flag of at least `min`, or the fallback when absent. */
export function intFlag(flags: Parsed["flags"], name: string, fallback: number, min: number, lang: Lang): number {
  const v = str(flags, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min || !Number.isSafeInteger(Number(v))) throw new UsageError(say(lang, "cli", "notAWholeNumber", { name, min }));
  return Number(v);
}
