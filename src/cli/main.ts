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
import { init } from "./subcommands/init";
import { demo } from "./subcommands/demo";
import { grade } from "./subcommands/grade";
import { log } from "./subcommands/log";
import { check } from "./subcommands/check";
import { complaint } from "./subcommands/complaint";
import { claim, handover, pool } from "./subcommands/teamops";
import { dashboard } from "./subcommands/dashboard";
import { runImport } from "./importCommand";

export { parseArgs, UsageError } from "./args";
export { oneLine } from "./errors";
export type { Io } from "./io";

const RUNS: Readonly<Record<(typeof COMMANDS)[number], (p: ReturnType<typeof parseArgs>, run: Run) => number | Promise<number>>> = {
  init,
  demo,
  grade,
  log,
  check,
  complaint,
  pool,
  claim,
  handover,
  dashboard,
};

/** The command line: parses, runs one command, and turns every failure into one line and exit code 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // Before a workbook is open the command line speaks the user's locale; after, the workbook's language.
  let speaking = localeLang(io.env ?? {});
  let file: string | null = null;
  try {
    // import reads its own arguments (a repeatable --map).
    if (argv[0] === "import") return await runImport(argv.slice(1), io.out, io.now());
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
    return await RUNS[command](p, { io, today, json: p.flags.json === true, speaking });
  } catch (e) {
    // A use-case or the file door refused the workbook: say why in its own language (when it can be read).
    if ((e instanceof UseCaseError || e instanceof XlsxError) && file) speaking = (await workbookLang(file)) ?? speaking;
    io.err(`crm-sheets: ${oneLine(e, speaking)}`);
    return 2;
  }
}
