import type { Lang } from "../i18n/lang";
import { CUSTOMER_COLUMNS } from "../template/columns";
import { sheetName } from "../template/sheets";

/**
 * "What to try first": the tour `npm start` prints and the Guide sheet repeats. One catalogue per
 * language, with {customers}, {followUps} and {daysToDue} standing for the names in the workbook.
 */
export const FIRST_STEPS: Readonly<Record<Lang, { readonly title: string; readonly steps: readonly string[] }>> = {
  "zh-CN": {
    title: "先试试这几步",
    steps: [
      "打开「{customers}」表:每行一个客户,灰底列由插件计算,其余列归您填写。",
      "看红色行:这些客户已逾期未跟进;灰色行是沉睡客户。按「{daysToDue}」升序排序,最急的排在最前。",
      "打开插件:「开始」选项卡 →「打开客户管理」。",
      "记录一条跟进:在「记录跟进」页选客户,填写方式、沟通内容和下次跟进日期;保存后写入「{followUps}」表,该客户的状态立即更新。",
      "在「分级」页点「立即分级」:所有客户按「分级规则」表重新分级并写出分级依据,下方列出今日待跟进与逾期的客户。",
      "在「数据检查」页点「检查数据」:示例里藏了几处问题(重复客户、错误的电话和邮箱、已过期的预计成交日期……),看看能否全部找到。",
    ],
  },
  "en-US": {
    title: "What to try first",
    steps: [
      "Open the \"{customers}\" sheet: one customer per row; the grey columns are computed, the rest are yours.",
      "Look at the red rows: those customers are overdue; grey rows are dormant. Sort \"{daysToDue}\" ascending to put the most urgent first.",
      "Open the pane: Home tab > Show CRM pane.",
      "Log a follow-up on the Log follow-up page: pick a customer, the method, what was said and the next date. It lands on \"{followUps}\" and the customer's status updates at once.",
      "On the Grade page choose Grade now: every customer is graded by the Rules sheet, with the reason written next to it, and the list below shows who is due today or overdue.",
      "On the Check data page choose Check data: the demo hides a few problems (a duplicate customer, a bad phone and e-mail, an expected close date in the past…). Can you find them all?",
    ],
  },
};

/**
 * The tour in one language with the workbook's names filled in: the title, then numbered steps.
 * @example firstSteps("en-US")[1] // "1. Open the \"Customers\" sheet: …"
 */
export function firstSteps(lang: Lang): string[] {
  const c = FIRST_STEPS[lang];
  const names: Readonly<Record<string, string>> = {
    customers: sheetName("customers", lang),
    followUps: sheetName("followUps", lang),
    daysToDue: CUSTOMER_COLUMNS.find((x) => x.key === "daysToDue")?.header[lang] ?? "",
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => names[k] ?? m);
  return [c.title, ...c.steps.map((s, i) => `${i + 1}. ${fill(s)}`)];
}
