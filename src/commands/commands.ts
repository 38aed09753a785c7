import { fromLocalDate, type DayNumber } from "../core/_lib/calendar";
import { gradeWorkbook } from "../excel/usecases";
import { ExcelDoorError } from "../excel/errors";
import { say } from "../core/i18n/catalogue";
import { toLang } from "../core/i18n/lang";

const USER_KEY = "crm-sheets.user";

/**
 * Office closes a function command's runtime 5 minutes after it starts, or when `completed()` is
 * called, and a dialog opened from it closes with it. The work stops taking new chunks after
 * WORK_BUDGET_MS and the dialog stays up until the user closes it or DIALOG_MS have passed since
 * the start: both well under the limit.
 */
export const WORK_BUDGET_MS = 150_000;
export const DIALOG_MS = 240_000;

/** Dialog closed by the user (Office's DialogEventReceived code). */
const DIALOG_CLOSED = 12006;

/**
 * Shows the result and resolves once the dialog is gone: closed by the user, or by us when the
 * runtime's time is nearly up (`closeBy`, a clock time in ms), or at once when it could not open.
 */
function showDialog(text: string, closeBy: number): Promise<void> {
  return new Promise((resolve) => {
    const url = `${window.location.origin}/dialog.html?m=${encodeURIComponent(text)}`;
    Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        dialog.close();
        finish();
      }, Math.max(0, closeBy - Date.now()));
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        if ("error" in arg && arg.error === DIALOG_CLOSED) finish();
      });
    });
  });
}

/**
 * Ribbon "Grade now": runs without the pane, reports in a small dialog, and calls
 * event.completed() on every path, only after the dialog is closed (completing earlier would close
 * the runtime and the dialog with it). A grade that would outrun Office's limit stops between
 * chunks and says to grade from the pane.
 */
export async function gradeNow(event: Office.AddinCommands.Event): Promise<void> {
  const started = Date.now();
  const lang = toLang(Office.context.displayLanguage);
  let text: string;
  try {
    let user = "";
    try {
      user = window.localStorage.getItem(USER_KEY) ?? "";
    } catch {
      user = "";
    }
    const out = await gradeWorkbook(fromLocalDate(new Date()) as DayNumber, user, new Date(), undefined, started + WORK_BUDGET_MS);
    const sm = out.summary;
    text = say(lang, "ribbon", "graded", {
      customers: sm.customers, a: sm.byGrade.A, b: sm.byGrade.B, c: sm.byGrade.C, toAssess: sm.byGrade.toAssess,
      overdue: sm.byStatus.overdue, dormant: sm.byStatus.dormant,
    });
  } catch (e) {
    const detail = e instanceof ExcelDoorError && e.code === "NotInstalled" ? say(lang, "ribbon", "notInstalled")
      : e instanceof ExcelDoorError && e.code === "TimeLimit" ? say(lang, "ribbon", "tooLongForRibbon")
        : e instanceof Error ? e.message : String(e);
    text = say(lang, "ribbon", "notFinished", { detail });
  }
  try {
    await showDialog(text, started + DIALOG_MS);
  } catch {
    // No dialog could be shown: nothing to wait for.
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("gradeNow", gradeNow);
  });
}
