import * as fs from "fs";
import * as path from "path";
import { gradeFile } from "../../xlsx/usecases";
import { dashboardFile } from "../../xlsx/dashboard";
import { wallNowOn } from "./complaint";
import { atomicWrite } from "../../xlsx/save";
import { intFlag, langFlag, needFile, type Parsed } from "../args";
import type { Run } from "../io";
import { gradeText } from "../output";
import { sampleRows, DEFAULT_CUSTOMERS, DEFAULT_SEED } from "../sampleData";
import { loadInit } from "./loadInit";

/** `demo <file> [--seed N] [--customers N]`: the template with sample customers, graded, with its dashboard built. */
export async function demo(p: Parsed, { io, today, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const lang = langFlag(p.flags, speaking);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const customers = intFlag(p.flags, "customers", DEFAULT_CUSTOMERS, 1, speaking);
  const seed = intFlag(p.flags, "seed", DEFAULT_SEED, 0, speaking);
  const sample = sampleRows({ customers, seed, today, lang });
  atomicWrite(file, await (await loadInit()).templateWorkbook(lang, sample));
  const out = await gradeFile(file, today);
  io.out(gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled));
  // A newcomer's first workbook shows every feature that exists: the manager's dashboard too.
  await dashboardFile(file, today, wallNowOn(today, io.now()));
  return 0;
}
