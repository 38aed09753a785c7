import * as fs from "fs";
import * as path from "path";
import { gradeFile } from "../../xlsx/usecases";
import { atomicWrite } from "../../xlsx/save";
import { langFlag, needFile, type Parsed } from "../args";
import type { Run } from "../io";
import { gradeText } from "../output";
import { sampleRows } from "../sampleData";
import { loadInit } from "./loadInit";

/** `demo <file>`: the template with 200 sample customers, graded. */
export async function demo(p: Parsed, { io, today, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const lang = langFlag(p.flags, speaking);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sample = sampleRows({ customers: 200, followUpsPerCustomer: 3, today, lang });
  atomicWrite(file, await (await loadInit()).templateWorkbook(lang, sample));
  const out = gradeFile(file, today);
  io.out(gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled));
  return 0;
}
