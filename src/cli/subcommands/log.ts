import { formatIso } from "../../core/_lib/calendar";
import { say } from "../../core/i18n/catalogue";
import { sheetName } from "../../core/template/sheets";
import { logFile } from "../../xlsx/usecases";
import { dayFlag, needFile, str, UsageError, type Parsed } from "../args";
import type { Run } from "../io";

/** `log <file> --customer … --date … --method … --summary …`: appends one follow-up. */
export async function log(p: Parsed, { io, today, json, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const need = (n: string) => {
    const v = str(p.flags, n);
    if (v === undefined) throw new UsageError(say(speaking, "cli", "logNeeds", { name: n }));
    return v;
  };
  // Asked in the order a reader of the usage line expects: customer, then date.
  const customerId = need("customer");
  const date = dayFlag(p.flags, "date", null, speaking);
  if (date === null) throw new UsageError(say(speaking, "cli", "logNeeds", { name: "date" }));
  const out = await logFile(
    file,
    {
      customerId,
      date,
      method: need("method"),
      summary: need("summary"),
      by: str(p.flags, "by") ?? "",
      feedback: str(p.flags, "feedback") ?? "",
      nextStep: str(p.flags, "next-step") ?? "",
      nextDate: dayFlag(p.flags, "next-date", null, speaking),
      stage: str(p.flags, "stage") ?? "",
      spokeWith: str(p.flags, "spoke-with") ?? "",
    },
    today,
  );
  const next = out.nextDue !== null ? formatIso(out.nextDue) : "—";
  io.out(
    json
      ? JSON.stringify({ file, ...out }, null, 2)
      : say(out.lang, "cli", "logged", { file, row: out.row, sheet: sheetName("followUps", out.lang), customer: out.customer, next }),
  );
  return 0;
}
