import type { Lang } from "../i18n/lang";
import type { GuideRow } from "../template/guide";
import { RULE_DEFS } from "../rules/ruleDefs";
import { sheetName } from "../template/sheets";
import { dashText } from "./messages";

const rule = (key: string) => String(RULE_DEFS.find((r) => r.key === key)?.defaultValue ?? "");

/** The Guide's paragraphs for the dashboard, per language: what each figure counts, exactly. */
const PARAGRAPHS: Readonly<Record<Lang, (v: { cu: string; fu: string; dash: string; rules: string }) => readonly string[]>> = {
  "zh-CN": ({ cu, fu, dash, rules }) => [
    `「${dash}」表由插件的「概览」页「生成看板」或命令行 crm-sheets dashboard 生成,可反复生成(原表整体替换,不会出现第二张)。表中数字都是实时公式(COUNTIFS/SUMIFS 与 TODAY()),统计「${cu}」「${fu}」两表从表头下一行到工作表末尾的所有行,新增的行自动计入;WPS、手机上打开同样会更新。只有「中位数」无法用通用公式表达,是生成当天的数值,表头写明日期;看板中的行业、来源、负责人名单也在生成时确定,新出现的名称在下次生成时加入(行业前10以外的都计入「其他」)。`,
    `每周从周一开始,到周日结束。「近7天」指今天及之前6天;「本月」指今天所在的自然月。日期以单元格中的日期值为准,写成文字的日期不计入,请用数据检查找出并改正。阶段、等级等下拉值中英文都能识别,不区分大小写。`,
    `在跟客户:阶段为新线索、初步接触、需求确认、方案提交或商务谈判的客户(阶段为空或不在列表中的不计)。A类客户:在跟客户中「客户等级」为A的。逾期、沉睡:「跟进状态」列显示逾期、沉睡的客户(该列本身就是随日期更新的公式)。本周待跟进:「下次跟进日期」在本周一至周日之间、且未关闭的客户。近7天跟进:「${fu}」表中日期在近7天内的记录数。本月成交:「成交日期」在本月的客户数,成交额为其「成交金额(元)」之和(只计数字)。`,
    `客户等级分布:在跟客户按 A、B、C、待评估计数(饼图)。行业分布:按「所属行业」计数最多的10个行业,其余(含列表外的写法)合计为「其他」(条形图)。销售漏斗:各阶段当前的客户数;「累计到达」为处于该阶段及之后阶段的客户数(已成交含售后维护),「转化率」为累计到达数与上一阶段累计到达数之比;输单、已流失、无效线索另列。`,
    `每月跟进次数:最近12个月(含本月,本月只计到今天)每月的跟进记录数(折线图)。每月成交金额:同样12个月按成交日期统计的成交数和成交金额(柱形图)。输单/流失原因:按「输单/流失原因」计数(饼图)。线索来源转化:每个来源的客户数、其中已成交或售后维护的客户数,以及两者之比。`,
    `按负责人:每位负责人的在跟客户、A类客户、逾期、本周待跟进、近7天跟进(按跟进记录的「跟进人」)、A类超过${rule("cadenceA")}天(A类跟进间隔,见「${rules}」表)未联系(最近跟进日期早于该天数,从未跟进的按建档日期算)、本周新建(建档日期在本周一至今天)。名字前后多出的空格不影响归类。`,
    `成交周期:有成交日期的客户,从建档日期到成交日期的天数;没有建档日期的从首次跟进日期算起(首次跟进常在成交后才补录,故以建档为准)。给出全部客户及各行业的平均天数(实时公式)和中位数(生成当天的数值)。若出现负数,说明成交日期早于建档日期,请核对。`,
    `打印:看板按A4横向排版,每一段(表格和旁边的图表)不会跨页断开。`,
  ],
  "en-US": ({ cu, fu, dash, rules }) => [
    `The "${dash}" sheet is built by Build dashboard on the add-in's Overview page or by crm-sheets dashboard, and can be rebuilt at any time (the sheet is replaced, never duplicated). Its figures are live formulas (COUNTIFS/SUMIFS with TODAY()) over every row of "${cu}" and "${fu}" from below the header to the end of the sheet, so new rows count at once, in WPS and on phones too. Only the medians have no portable formula: they are values as of the build date, which their header names. The lists of industries, sources and owners are also taken when the sheet is built; a new name joins at the next build (industries outside the top 10 count under Other).`,
    `Weeks run Monday to Sunday. "Last 7 days" is today and the six days before; "this month" is today's calendar month. Dates count when the cell holds a date; a date typed as text does not (the data check finds them). Dropdown values are recognised in either language and any case.`,
    `Open customers: stage Lead, Contacted, Qualified, Proposal or Negotiation (a blank or unknown stage is not counted). A customers: open customers whose Grade is A. Overdue, Dormant: customers whose Status column shows Overdue or Dormant (that column is itself a live formula). Due this week: Next follow-up between this Monday and Sunday, not closed. Follow-ups, last 7 days: rows of "${fu}" dated in the last 7 days. Won this month: customers whose Won date is in this month, and the sum of their Won amount (numbers only).`,
    `Grade distribution: open customers by A, B, C and To assess (pie). Industry: the 10 industries with the most customers; the rest, spellings outside the list included, under Other (bar). Stage funnel: customers at each stage now; Reached counts those at that stage or a later one (Won includes After-sales), Conversion is Reached over the previous stage's Reached; Lost, Churned and Invalid are listed apart.`,
    `Follow-ups per month: the last 12 months including this one (this month up to today), by follow-up date (line). Won amount per month: the same months by Won date, count and amount (column). Lost reasons: customers by Lost reason (pie). Lead source conversion: each source's customers, those of them won or in after-sales, and the ratio.`,
    `By owner: each owner's open customers, A customers, overdue, due this week, follow-ups in the last 7 days (by the follow-up's By), A customers not contacted within ${rule("cadenceA")} days (the A cadence on "${rules}"; the last contact is older, or Created when never contacted), and new this week (Created from this Monday to today). Stray spaces around a name do not split an owner.`,
    `Deal cycle: for customers with a Won date, days from Created to the Won date, or from First contact when Created is blank (first contacts are often logged after the win, so Created comes first). The average (a live formula) and the median (a value as of the build) are given overall and by industry. A negative cycle means a Won date before Created: check the row.`,
    `Printing: the dashboard is laid out for landscape A4, and no section (a table and the chart beside it) is split across pages.`,
  ],
};

/**
 * The Guide's Dashboard section: a heading and one paragraph per group of figures.
 * @example dashboardGuideRows("zh-CN")[0] // { kind: "heading", text: "看板:各项数字的含义" }
 */
export function dashboardGuideRows(lang: Lang): GuideRow[] {
  const v = { cu: sheetName("customers", lang), fu: sheetName("followUps", lang), dash: dashText(lang, "sheetName"), rules: sheetName("rules", lang) };
  return [
    { kind: "heading", text: dashText(lang, "guideHeading") },
    ...PARAGRAPHS[lang](v).map((text) => ({ kind: "text" as const, text })),
  ];
}
