import { formatIso } from "../../core/_lib/calendar";
import { gradeFile } from "../../xlsx/usecases";
import { needFile, type Parsed } from "../args";
import { progressFor, type Run } from "../io";
import { gradeText } from "../output";
import { healthSummaryLines } from "../healthLines";
import { wallNowOn } from "./complaint";

/** `grade <file>`: grades every open customer and writes only the cells we own. */
export async function grade(p: Parsed, { io, today, json, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  // Complaint deadlines need the time of day: the clock's, on the day --today names.
  const now = wallNowOn(today, io.now());
  const out = await gradeFile(file, today, undefined, progressFor(file, io, speaking), now);
  io.out(json ? JSON.stringify({ file, today: formatIso(today), ...out }, null, 2) : [gradeText(out.summary, out.lang, file, out.cellsWritten, out.idsFilled), ...healthSummaryLines(out.summary.health, out.lang)].join("\n"));
  return 0;
}
