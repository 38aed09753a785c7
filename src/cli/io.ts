import * as fs from "fs";
import type { Lang } from "../core/i18n/lang";
import { say } from "../core/i18n/catalogue";
import type { DayNumber } from "../core/_lib/calendar";

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly now: () => Date;
  /** A terminal on stderr: large files get a progress bar there. */
  readonly progress?: (text: string) => void;
  /** The process environment: its locale picks the language until a workbook speaks for itself. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What every command is run with: the day, whether to print JSON, and the language spoken before a workbook is read. */
export interface Run {
  readonly io: Io;
  readonly today: DayNumber;
  readonly json: boolean;
  readonly speaking: Lang;
}

const PHASES = ["read", "grade", "write", "done"] as const;

/** A progress bar on stderr for files over 5 MB, when stderr is a terminal. */
export function progressFor(file: string, io: Io, lang: Lang): ((p: (typeof PHASES)[number]) => void) | undefined {
  if (!io.progress || !fs.existsSync(file) || fs.statSync(file).size < 5 * 1024 * 1024) return undefined;
  const label = {
    read: say(lang, "cli", "phaseRead"),
    grade: say(lang, "cli", "phaseGrade"),
    write: say(lang, "cli", "phaseWrite"),
    done: say(lang, "cli", "phaseDone"),
  } as const;
  return (p) => {
    const i = PHASES.indexOf(p);
    const bar = "#".repeat(i * 8).padEnd(24, "-");
    io.progress?.(`\r[${bar}] ${label[p]}${p === "done" ? "\n" : "…"}`);
  };
}
