import { formatIssue } from "../../core/i18n/messages";
import { checkFile } from "../../xlsx/usecases";
import { needFile, type Parsed } from "../args";
import type { Run } from "../io";
import { issuesText } from "../output";

/** `check <file>`: the data check; exit 1 when it finds problems. */
export async function check(p: Parsed, { io, today, json, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const out = await checkFile(file, today);
  io.out(
    json
      ? JSON.stringify({ file, issues: out.issues.map((i) => ({ ...i, message: formatIssue(i, out.lang) })) }, null, 2)
      : issuesText(out.issues, out.lang, file),
  );
  return out.issues.length > 0 ? 1 : 0;
}
