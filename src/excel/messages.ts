import type { Lang } from "../core/i18n/lang";

/**
 * What the Office door and the ribbon command say to a person, in both languages. `{name}` marks a
 * value filled in by `doorText`.
 */
const CATALOGUE = {
  notInstalled: { "zh-CN": "尚未安装客户表模板。", "en-US": "The customer sheet is not installed." },
  followUpsMissing: { "zh-CN": "尚未安装跟进记录表。", "en-US": "The follow-up sheet is not installed." },
  keptMoving: {
    "zh-CN": "表格在写入时被他人不断插入、删除或排序,已停止以免写错行。已写入的部分都在正确的行上;请稍后再试。",
    "en-US": "Others kept inserting, deleting or sorting rows while this ran, so it stopped rather than write on the wrong rows. What was written is on the right rows; try again in a moment.",
  },
  filteredTotals: {
    "zh-CN": "「{sheet}」表开着筛选并显示汇总行,无法追加记录。请先清除筛选或隐藏汇总行。",
    "en-US": "\"{sheet}\" has a filter on and shows its totals row, so no row can be added. Clear the filter or hide the totals row first.",
  },
  filteredNoGrow: {
    "zh-CN": "「{sheet}」表开着筛选,且 Excel 未自动扩展表格,无法追加记录。请先清除筛选。",
    "en-US": "\"{sheet}\" has a filter on and Excel did not grow the table, so no row can be added. Clear the filter first.",
  },
  stageNeedsRow: {
    "zh-CN": "无法核对该客户所在的行(客户编号列被隐藏,或该行被筛选隐藏),因此不能修改其阶段。请显示该行或客户编号列后再试;不改阶段的跟进记录可以直接保存。",
    "en-US": "This customer's row can't be checked (the Customer ID column is hidden, or a filter hides the row), so its stage can't be changed. Show the row or the ID column and try again; a follow-up without a stage change saves as is.",
  },
  gradeDone: { "zh-CN": "分级完成:{detail}", "en-US": "Graded: {detail}" },
  gradeFailed: { "zh-CN": "分级未完成:{detail}", "en-US": "Grading did not finish: {detail}" },
  gradeSummary: {
    "zh-CN": "{customers} 个客户,A {a} · B {b} · C {c} · 待评估 {toAssess};逾期 {overdue},沉睡 {dormant}。",
    "en-US": "{customers} customers, A {a} · B {b} · C {c} · to assess {toAssess}; overdue {overdue}, dormant {dormant}.",
  },
  installFirst: { "zh-CN": "请先在任务窗格中安装模板。", "en-US": "Install the template from the pane first." },
  tooLongForRibbon: {
    "zh-CN": "客户较多,功能区按钮无法在时限内完成。请在任务窗格中运行分级。",
    "en-US": "Too many customers to grade from the ribbon within Office's time limit. Grade from the task pane.",
  },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type DoorMessage = keyof typeof CATALOGUE;

/**
 * A message in the workbook's (or viewer's) language, with its `{name}` slots filled.
 * @example doorText("gradeDone", "en-US", { detail: "3 customers" }) // "Graded: 3 customers"
 */
export function doorText(key: DoorMessage, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return CATALOGUE[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
