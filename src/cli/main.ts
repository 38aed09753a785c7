import * as path from "path";
import { fromLocalDate, type DayNumber } from "../core/_lib/calendar";
import { localeLang } from "../core/i18n/lang";
import { XlsxError } from "../xlsx/errors";
import { say } from "../core/i18n/catalogue";
import { UseCaseError } from "../core/usecases/errors";
import { lockWarning } from "../xlsx/save";
import { COMMANDS, dayFlag, parseArgs, UsageError } from "./args";
import type { Io, Run } from "./io";
import { oneLine, workbookLang } from "./errors";
export { parseArgs, UsageError } from "./args";
export { oneLine } from "./errors";
export type { Io } from "./io";

type Runner = (p: ReturnType<typeof parseArgs>, run: Run) => number | Promise<number>;

/**
 * Each command's code is loaded when it runs: a daily `grade` does not load the import, the
 * dashboard or the demo (some 60 modules, a tenth of a small run's time).
 */
const RUNS: Readonly<Record<(typeof COMMANDS)[number], () => Promise<Runner>>> = {
  init: async () => (await import("./subcommands/init")).init,
  demo: async () => (await import("./subcommands/demo")).demo,
  grade: async () => (await import("./subcommands/grade")).grade,
  log: async () => (await import("./subcommands/log")).log,
  check: async () => (await import("./subcommands/check")).check,
  complaint: async () => (await import("./subcommands/complaint")).complaint,
  pool: async () => (await import("./subcommands/teamops")).pool,
  claim: async () => (await import("./subcommands/teamops")).claim,
  handover: async () => (await import("./subcommands/teamops")).handover,
  dashboard: async () => (await import("./subcommands/dashboard")).dashboard,
};

/** The command line: parses, runs one command, and turns every failure into one line and exit code 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // Before a workbook is open the command line speaks the user's locale; after, the workbook's language.
  let speaking = localeLang(io.env ?? {});
  let file: string | null = null;
  try {
    // import reads its own arguments (a repeatable --map).
    if (argv[0] === "import") return await (await import("./importCommand")).runImport(argv.slice(1), io.out, io.now());
    const p = parseArgs(argv, speaking);
    file = p.file;
    if (p.flags.help || p.command === "" || p.command === "help") {
      io.out(say(speaking, "cli", "usage"));
      return p.command === "" && !p.flags.help ? 2 : 0;
    }
    const today = dayFlag(p.flags, "today", fromLocalDate(io.now()), speaking) as DayNumber;
    if (p.file) {
      const lock = lockWarning(p.file);
      if (lock) io.err(say(speaking, "cli", "lockWarning", { lock: path.basename(lock) }));
    }
    const command = COMMANDS.find((c) => c === p.command);
    if (!command) throw new UsageError(say(speaking, "cli", "unknownCommand", { command: p.command, commands: COMMANDS.join(", ") }));
    const run = await RUNS[command]();
    return await run(p, { io, today, json: p.flags.json === true, speaking });
  } catch (e) {
    // A use-case or the file door refused the workbook: say why in its own language (when it can be read).
    if ((e instanceof UseCaseError || e instanceof XlsxError) && file) speaking = (await workbookLang(file)) ?? speaking;
    io.err(`crm-sheets: ${oneLine(e, speaking)}`);
    return 2;
  }
}
