import type { Lang } from "./lang";
import type { Issue, IssueCode } from "../checks/issue";
import type { Grade, GradeReason, DimensionScore } from "../grading/gradeCustomer";
import { LEVELS } from "../template/lists";
import { GRADE_LABELS } from "./labels";

export function gradeLabel(g: Grade | null, lang: Lang): string {
  if (g === null) return "";
  return g === "toAssess" ? GRADE_LABELS.toAssess[lang] : g;
}

/** 200000 → 20万 / 200k; 120000000 → 1.2亿 / 120M. */
export function formatAmountShort(amount: number, lang: Lang): string {
  const trim = (n: number) => String(Math.round(n * 100) / 100);
  if (lang === "zh-CN") {
    if (Math.abs(amount) >= 1e8) return `${trim(amount / 1e8)}亿`;
    if (Math.abs(amount) >= 1e4) return `${trim(amount / 1e4)}万`;
    return `${trim(amount)}元`;
  }
  if (Math.abs(amount) >= 1e6) return `${trim(amount / 1e6)}M`;
  if (Math.abs(amount) >= 1e3) return `${trim(amount / 1e3)}k`;
  return trim(amount);
}

function part(p: DimensionScore, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (p.dim) {
    case "urgency":
      if (p.bound === null) return zh ? `成交日期已过${p.letter}` : `close date passed ${p.letter}`;
      if (p.letter === "C") return zh ? `${p.bound}天后成交C` : `close >${p.bound}d C`;
      return zh ? `${p.bound}天内成交${p.letter}` : `close ≤${p.bound}d ${p.letter}`;
    case "importance":
      return zh ? `${formatAmountShort(p.amount, lang)}${p.letter}` : `${formatAmountShort(p.amount, lang)} ${p.letter}`;
    case "fit":
      return zh ? `匹配${LEVELS[p.level].zh}${p.letter}` : `fit ${LEVELS[p.level].en} ${p.letter}`;
    case "intent":
      return zh ? `意向${LEVELS[p.level].zh}${p.letter}` : `intent ${LEVELS[p.level].en} ${p.letter}`;
  }
}

/**
 * A reason a rep can read.
 * @example renderReason(r, "zh-CN") // "30天内成交A · 20万B · 匹配高A · 意向中B → A"
 */
export function renderReason(r: GradeReason, lang: Lang): string {
  const zh = lang === "zh-CN";
  const parts = r.parts.map((p) => part(p, lang));
  let text = parts.join(" · ");
  if (r.computed === "toAssess") text += zh ? `${text ? " · " : ""}信息不足` : `${text ? " · " : ""}too few dimensions`;
  text += ` → ${gradeLabel(r.computed, lang)}`;
  if (r.strategicFloor) text += zh ? " · 战略客户至少A → A" : " · strategic, at least A → A";
  if (r.override !== null) text += zh ? ` · 人工等级 ${r.override}` : ` · manual grade ${r.override}`;
  return text;
}

const MESSAGES: Readonly<Record<IssueCode, Readonly<Record<Lang, string>>>> = {
  missingSheet: { "zh-CN": "缺少工作表「{sheet}」", "en-US": "Sheet \"{sheet}\" is missing" },
  missingColumn: { "zh-CN": "缺少必填列「{column}」", "en-US": "Required column \"{column}\" is missing" },
  unreadableDate: { "zh-CN": "无法识别的日期「{value}」,按空白处理", "en-US": "Unreadable date \"{value}\", treated as blank" },
  unreadableAmount: { "zh-CN": "无法识别的金额「{value}」,按空白处理", "en-US": "Unreadable amount \"{value}\", treated as blank" },
  unknownLabel: { "zh-CN": "「{value}」不在下拉列表中,按空白处理", "en-US": "\"{value}\" is not in the dropdown list, treated as blank" },
  invalidRule: { "zh-CN": "规则值「{value}」无效,已使用默认值", "en-US": "Rule value \"{value}\" is invalid; the default is used" },
  duplicateId: { "zh-CN": "客户编号「{value}」重复(另见第{other}行)", "en-US": "Customer ID \"{value}\" is used twice (see also row {other})" },
  likelyDuplicateName: { "zh-CN": "客户「{value}」可能与第{other}行重复", "en-US": "Customer \"{value}\" may duplicate row {other}" },
  likelyDuplicatePhone: { "zh-CN": "电话「{value}」与第{other}行相同,可能是重复客户", "en-US": "Phone \"{value}\" matches row {other}; possibly the same customer" },
  missingRequired: { "zh-CN": "必填项为空", "en-US": "Required field is blank" },
  phoneMalformed: { "zh-CN": "电话格式不正确「{value}」", "en-US": "Malformed phone number \"{value}\"" },
  emailMalformed: { "zh-CN": "邮箱格式不正确「{value}」", "en-US": "Malformed e-mail \"{value}\"" },
  unknownCustomerId: { "zh-CN": "客户编号「{value}」在客户信息中不存在", "en-US": "Customer ID \"{value}\" is not on the Customers sheet" },
  idNumberStored: { "zh-CN": "疑似身份证号「{value}」,按规定不得保存,请删除", "en-US": "Looks like a PRC ID number \"{value}\"; it must not be stored, please remove it" },
  futureFollowUp: { "zh-CN": "跟进日期「{value}」在今天之后,未计入", "en-US": "Follow-up dated \"{value}\" is in the future and was left out" },
  closeDatePassed: { "zh-CN": "预计成交日期「{value}」已过,请更新", "en-US": "Expected close date \"{value}\" has passed; please update it" },
  negativeAmount: { "zh-CN": "金额为负数「{value}」", "en-US": "Negative amount \"{value}\"" },
  amountTooSmall: { "zh-CN": "金额「{value}」不足1000元,是否按「万」填写?", "en-US": "Amount \"{value}\" is under 1,000; was it typed in 万 (10k)?" },
  noContactMethod: { "zh-CN": "没有任何联系方式(电话、微信、邮箱)", "en-US": "No way to reach the contact (phone, WeChat or e-mail)" },
  noDecisionMaker: { "zh-CN": "{value}类在跟客户没有决策人(客户行与「联系人」表均未标注)", "en-US": "Open {value} customer with no decision maker (neither on its row nor on the Contacts sheet)" },
  notInPool: { "zh-CN": "客户「{value}」不在公海中,不能领取", "en-US": "Customer \"{value}\" is not in the pool and cannot be claimed" },
  invalidOwner: { "zh-CN": "负责人「{value}」不可用于此操作", "en-US": "Owner \"{value}\" cannot be used here" },
};

export function issueMessage(i: Issue, lang: Lang): string {
  return (MESSAGES[i.code][lang])
    .replace("{sheet}", i.sheetName)
    .replace("{column}", i.column ?? "")
    .replace("{value}", i.value ?? "")
    .replace("{other}", String(i.other ?? ""));
}

/** `客户信息!F12 (所属行业)` — where, so the user can find it. */
export function issueLocation(i: Issue, cellAddress?: string): string {
  const where = cellAddress ?? (i.row !== null ? `${i.row}` : "");
  return `${i.sheetName}${where ? `!${where}` : ""}${i.column ? ` (${i.column})` : ""}`;
}

/** One line: location and message. */
export function formatIssue(i: Issue, lang: Lang, cellAddress?: string): string {
  const zh = lang === "zh-CN";
  const row = i.row !== null ? (zh ? `第${i.row}行` : `row ${i.row}`) : "";
  const loc = [i.sheetName, row, i.column ? (zh ? `「${i.column}」列` : `column "${i.column}"`) : ""].filter(Boolean).join(zh ? " " : ", ");
  return `${loc}${cellAddress ? ` [${cellAddress}]` : ""}: ${issueMessage(i, lang)}`;
}

export { MESSAGES as ISSUE_MESSAGES };
