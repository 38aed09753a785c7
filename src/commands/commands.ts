import { fromLocalDate, type DayNumber } from "../core/_lib/calendar";
import { gradeWorkbook } from "../excel/usecases";
import { ExcelDoorError } from "../excel/errors";
import { toLang, type Lang } from "../core/i18n/lang";

const USER_KEY = "crm-sheets.user";

function message(lang: Lang, ok: boolean, detail: string): string {
  if (lang === "zh-CN") return ok ? `分级完成:${detail}` : `分级未完成:${detail}`;
  return ok ? `Graded: ${detail}` : `Grading did not finish: ${detail}`;
}

function showDialog(text: string): Promise<void> {
  return new Promise((resolve) => {
    const url = `${window.location.origin}/dialog.html?m=${encodeURIComponent(text)}`;
    Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, () => resolve());
  });
}

/**
 * Ribbon "Grade now": runs without the pane, reports in a small dialog, and calls
 * event.completed() on every path (Office waits for it before the next command).
 */
export async function gradeNow(event: Office.AddinCommands.Event): Promise<void> {
  const lang = toLang(Office.context.displayLanguage);
  try {
    let user = "";
    try {
      user = window.localStorage.getItem(USER_KEY) ?? "";
    } catch {
      user = "";
    }
    const out = await gradeWorkbook(fromLocalDate(new Date()) as DayNumber, user, new Date());
    const s = out.summary;
    const detail = lang === "zh-CN"
      ? `${s.customers} 个客户,A ${s.byGrade.A} · B ${s.byGrade.B} · C ${s.byGrade.C} · 待评估 ${s.byGrade.toAssess};逾期 ${s.byStatus.overdue},沉睡 ${s.byStatus.dormant}。`
      : `${s.customers} customers, A ${s.byGrade.A} · B ${s.byGrade.B} · C ${s.byGrade.C} · to assess ${s.byGrade.toAssess}; overdue ${s.byStatus.overdue}, dormant ${s.byStatus.dormant}.`;
    await showDialog(message(lang, true, detail));
  } catch (e) {
    const detail = e instanceof ExcelDoorError && e.code === "NotInstalled"
      ? lang === "zh-CN" ? "请先在任务窗格中安装模板。" : "Install the template from the pane first."
      : e instanceof Error ? e.message : String(e);
    await showDialog(message(lang, false, detail)).catch(() => undefined);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("gradeNow", gradeNow);
  });
}
