import type { Lang } from "../i18n/lang";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "./columns";
import { RULE_DEFS } from "../rules/ruleDefs";
import { sheetName, TEMPLATE_VERSION } from "./sheets";
import { importText } from "../import/messages";
import { firstSteps } from "../demo/firstSteps";

/** One row of the Guide sheet: a heading, a paragraph, or a column line (sheet, column, required, how, example). */
export type GuideRow =
  | { readonly kind: "title" | "heading" | "text"; readonly text: string }
  | { readonly kind: "column"; readonly cells: readonly [string, string, string, string] };

const ruleValue = (key: string) => String(RULE_DEFS.find((r) => r.key === key)?.defaultValue ?? "");

function columnRow(sheet: string, c: ColumnDef, lang: Lang): GuideRow {
  const zh = lang === "zh-CN";
  // The Customer ID is required, but a blank one is ours to fill: say so rather than contradict the prompt.
  const req = c.derived ? (zh ? "自动计算" : "computed") : c.type === "id" && c.key === "id" ? (zh ? "必填(留空自动生成)" : "required (generated when blank)") : c.required ? (zh ? "必填" : "required") : zh ? "选填" : "optional";
  const how = c.prompt ? c.prompt.text[lang] : derivedHelp(c.key, lang);
  return { kind: "column", cells: [sheet, c.header[lang], req, how] };
}

function derivedHelp(key: string, lang: Lang): string {
  const zh = lang === "zh-CN";
  const h: Record<string, [string, string]> = {
    grade: ["A / B / C / 待评估,由分级规则计算;已成交、输单等阶段不分级。", "A / B / C / To assess, from the Rules; won and closed stages carry no grade."],
    gradeReason: ["分级的理由,例:30天内成交A · 20万B · 匹配高A · 意向中B → A", "Why, e.g. close ≤30d A · 200k B · fit High A · intent Medium B → A"],
    firstContact: ["最早一条跟进记录的日期。", "Date of the earliest follow-up."],
    lastContact: ["最近一条跟进记录的日期。", "Date of the latest follow-up."],
    followUps: ["跟进记录条数。", "Number of follow-ups."],
    nextDue: ["按等级间隔或约定日期计算,遇周末节假日顺延。", "From the grade's cadence or the agreed date, moved off weekends and holidays."],
    daysToDue: ["负数表示已逾期的天数,可排序。", "Negative means overdue by that many days; sortable."],
    status: ["正常 / 逾期 / 沉睡 / 已关闭,公式随日期自动更新,无需插件。", "OK / Overdue / Dormant / Closed; a formula that stays current without the add-in."],
    customerName: ["按客户编号自动填写。", "Filled in from the Customer ID."],
  };
  const pair = h[key];
  return pair ? (zh ? pair[0] : pair[1]) : "";
}

/**
 * The Guide sheet for new staff, generated from the same definitions as the sheets themselves,
 * so it can never describe a column that is not there.
 */
export function guideRows(lang: Lang): GuideRow[] {
  const zh = lang === "zh-CN";
  const cu = sheetName("customers", lang);
  const fu = sheetName("followUps", lang);
  const rules = sheetName("rules", lang);
  // "What to try first": its words live in the demo's catalogue, shared with `npm start`.
  const [tryTitle = "", ...trySteps] = firstSteps(lang);
  const rows: GuideRow[] = [
    { kind: "title", text: zh ? `客户管理表使用说明(模板版本 ${TEMPLATE_VERSION})` : `How to use the CRM workbook (template version ${TEMPLATE_VERSION})` },
    { kind: "text", text: zh
      ? `1. 新客户:在「${cu}」表最后一行下方直接填写,带 * 的列必填。选中单元格会出现填写提示,下拉列可直接选择。客户编号可留空,分级时自动生成。`
      : `1. New customer: type below the last row of "${cu}". Columns marked * are required. Selecting a cell shows how to fill it; dropdown columns offer a list. Leave the Customer ID blank and it is generated.` },
    { kind: "text", text: zh
      ? `2. 每次沟通后24小时内记录跟进:在插件的「记录跟进」页填写,或在「${fu}」表末尾新增一行。写清结论和待办,避免「意向较强」这类模糊表述,写「计划3个月内采购,预算确认中」。`
      : `2. Log every contact within 24 hours: use the add-in's Log follow-up page, or add a row at the end of "${fu}". Write the conclusion and to-dos: not "keen", but "plans to buy within 3 months, budget being confirmed".` },
    { kind: "text", text: zh
      ? "3. 分级与提醒:点「立即分级」后,客户等级、分级依据、下次跟进日期自动计算。跟进状态列和整行底色每天自动更新:逾期为红色,沉睡为灰色,不装插件的同事(WPS、手机)也能看到。"
      : "3. Grades and reminders: Grade now fills in the grade, the reason and the next follow-up date. The Status column and the row colours update every day by themselves: red for overdue, grey for dormant, also for colleagues without the add-in." },
    { kind: "text", text: importText(lang, "guideImport") },
    { kind: "heading", text: tryTitle },
    ...trySteps.map((text): GuideRow => ({ kind: "text", text })),
    { kind: "heading", text: zh ? "分级规则(经理可在「" + rules + "」表修改)" : `Grading rules (managers change them on "${rules}")` },
    { kind: "text", text: zh
      ? `紧急度:预计成交日期在${ruleValue("urgencyADays")}天内为A,${ruleValue("urgencyBDays")}天内为B,更晚为C;日期已过按C计并提示更新。重要度:预计金额≥50万为A,≥10万为B,否则C。匹配度、合作意向:高A、中B、低C。`
      : `Urgency: expected close within ${ruleValue("urgencyADays")} days is A, within ${ruleValue("urgencyBDays")} B, later C; a passed date counts as C and is flagged. Importance: deal size ≥ 500,000 is A, ≥ 100,000 B, else C. Fit and intent: High A, Medium B, Low C.` },
    { kind: "text", text: zh
      ? "A=3分、B=2分、C=1分,取已填维度的加权平均(空白维度不计):≥2.5为A,≥1.75为B,否则C;已填不足2项为「待评估」。战略客户至少A级;「人工等级」优先于一切。这一组合规则是本模板的约定,依据客户需求分级表与意向分级法。"
      : "A = 3, B = 2, C = 1 points; the weighted mean of the filled dimensions (blanks left out): ≥ 2.5 is A, ≥ 1.75 B, else C; fewer than 2 filled is To assess. Strategic accounts are at least A; a Manual grade wins over everything. This combination is this template's own, built on the handbooks' need-based grading and intent grading." },
    { kind: "text", text: zh
      ? `跟进频率:A类每${ruleValue("cadenceA")}天,B类每${ruleValue("cadenceB")}天,C类和待评估每${ruleValue("cadenceC")}天,已成交客户每${ruleValue("cadenceMaintenance")}天维护;从未跟进的新客户在建档后${ruleValue("firstContactDays")}天内首次跟进。下次跟进日期取「约定的下次跟进日期」与「最近跟进+间隔」中较早者。`
      : `Cadence: A every ${ruleValue("cadenceA")} days, B every ${ruleValue("cadenceB")}, C and To assess every ${ruleValue("cadenceC")}, won customers every ${ruleValue("cadenceMaintenance")} for maintenance; a new lead never contacted is due ${ruleValue("firstContactDays")} days after Created. Next follow-up is the earlier of the agreed next date and last contact + cadence.` },
    { kind: "text", text: zh
      ? `逾期:今天已超过下次跟进日期。沉睡:${ruleValue("dormantDays")}天无沟通且无明确需求信号(C级、待评估或已成交客户);A、B级客户久未联系算逾期,不算沉睡。输单、已流失、无效线索为「已关闭」,不再提醒。`
      : `Overdue: today is past the next follow-up date. Dormant: no contact for ${ruleValue("dormantDays")} days and no demand signal (C, To assess, or a won customer); a quiet A or B customer is Overdue, not Dormant. Lost, Churned and Invalid are Closed and never highlighted.` },
    { kind: "heading", text: zh ? "隐私" : "Privacy" },
    { kind: "text", text: zh
      ? "不得在表中保存身份证号码;数据检查会标出疑似身份证号。对外分享时电话显示为 138****5678 形式。客户信息仅限工作使用。"
      : "Never store PRC ID numbers here; the data check flags them. Shared copies show phones as 138****5678. Customer data is for work only." },
    { kind: "heading", text: zh ? "各列填写说明" : "Column by column" },
    { kind: "column", cells: zh ? ["工作表", "列", "是否必填", "填写说明与示例"] : ["Sheet", "Column", "Required", "How to fill it, with an example"] },
  ];
  for (const c of CUSTOMER_COLUMNS) rows.push(columnRow(cu, c, lang));
  for (const c of FOLLOWUP_COLUMNS) rows.push(columnRow(fu, c, lang));
  return rows;
}

/** Display width of a text (CJK and full-width characters count twice), for sizing wrapped rows. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Column widths of the Guide sheet (characters), and the height a paragraph row needs when merged across them. */
export const GUIDE_WIDTHS = [12, 22, 18, 84] as const;
export function guideRowHeight(text: string, pointsPerLine = 16): number {
  const perLine = GUIDE_WIDTHS.reduce((a, b) => a + b, 0) - 4;
  return Math.max(1, Math.ceil(displayWidth(text) / perLine)) * pointsPerLine;
}
