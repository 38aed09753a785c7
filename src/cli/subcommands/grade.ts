import { formatIso } from "../../core/_lib/calendar";
import { gradeFile } from "../../xlsx/usecases";
import { needFile, type Parsed } from "../args";
import { progressFor, type Run } from "../io";
import { gradeText } from "../output";

/** `grade <file>`: grades every open customer and writes only the cells we own. */
export async function grade(p: Parsed, { io, today, json, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const out = await gradeFile(file, today, undefined, progressFor(file, io, speaking));
  io.out(json ? JSON.stringify({ file, today: formatIso(today), ...out }, null, 2) : gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled));
  return 0;
}
