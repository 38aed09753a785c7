import { LANGS, type Lang, type Texts } from "../i18n/lang";
import { say } from "../i18n/catalogue";
import { thresholdAmount } from "../i18n/messages";
import { ruleDefault } from "../rules/ruleDefs";
import type { ListKey } from "./lists";
import { POOL_CUSTOMER_COLUMNS } from "../pool/columns";
import { CONTACT_FOLLOWUP_COLUMNS } from "../contacts/columns";

/** How a column's cells are read, written and validated. */
export type ColumnType =
  | "id" // text, unique
  | "text"
  | "list" // dropdown fed by a list on the Lists sheet
  | "date"
  | "amount" // number ≥ 0, 万 / 亿 understood
  | "phone" // text, CN mobile or landline
  | "email"
  | "tags"
  | "number"; // derived counts and days

export interface ColumnDef {
  readonly key: string;
  readonly header: Texts;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly list?: ListKey;
  /** Column width in characters. */
  readonly width: number;
  /** Written by the product; every other column belongs to the user. */
  readonly derived?: boolean;
  /** Input prompt shown when the cell is selected: title ≤ 32, text ≤ 255 characters. */
  readonly prompt?: { readonly title: Texts; readonly text: Texts };
  /** Error alert when a typed value breaks the rule: ≤ 224 characters. */
  readonly error?: Texts;
  /** A dropdown whose alert only warns (names outside the team list are still accepted). */
  readonly warnOnly?: boolean;
  /** Overrides the type's number format. */
  readonly numberFormat?: string;
}

export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";
export const AMOUNT_FORMAT = "#,##0.00";
export const INTEGER_FORMAT = "0";

export function numberFormatOf(col: ColumnDef): string {
  if (col.numberFormat) return col.numberFormat;
  switch (col.type) {
    case "date":
      return DATE_FORMAT;
    case "amount":
      return AMOUNT_FORMAT;
    case "number":
      return INTEGER_FORMAT;
    case "list":
      return "General";
    default:
      // Text, IDs and phone numbers are stored as text so Excel never turns 13800138000 into 1.38E+10.
      return TEXT_FORMAT;
  }
}

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
/** A text built once per shipped language (from the catalogues). */
const perLang = (f: (lang: Lang) => string): Texts => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Record<Lang, string>;

function col(
  key: string, zh: string, en: string, type: ColumnType, width: number,
  extra: Partial<Omit<ColumnDef, "key" | "header" | "type" | "width">> = {},
): ColumnDef {
  return { key, header: t(zh, en), type, width, ...extra };
}
function help(zhTitle: string, enTitle: string, zh: string, en: string): ColumnDef["prompt"] {
  return { title: t(zhTitle, enTitle), text: t(zh, en) };
}
const derived = { derived: true } as const;

export const CUSTOMER_COLUMNS: readonly ColumnDef[] = [
  col("id", "客户编号", "Customer ID", "id", 16, {
    required: true,
    prompt: help("客户编号", "Customer ID", "唯一编号,格式 KH-年月-序号。可留空:运行分级或记录跟进时自动生成。例:KH-202605-001", "Unique ID, KH-YYYYMM-NNN. Leave blank and it is generated when you grade or log. Example: KH-202605-001"),
    error: t("客户编号已存在,请换一个或留空自动生成。", "This Customer ID already exists. Use another or leave it blank to generate one."),
  }),
  col("name", "客户名称", "Customer name", "text", 28, {
    required: true,
    prompt: help("客户名称", "Customer name", "填写与营业执照一致的企业全称,个人客户填写姓名。例:上海明远精密机械有限公司", "Full legal name as on the business licence; a person's name for individuals. Example: Shanghai Mingyuan Precision Machinery Co., Ltd."),
  }),
  col("shortName", "简称", "Short name", "text", 12, {
    prompt: help("简称", "Short name", "常用简称,便于搜索。例:明远机械", "The name the team uses, for search. Example: Mingyuan"),
  }),
  col("type", "客户类型", "Customer type", "list", 10, {
    list: "customerType",
    prompt: help("客户类型", "Customer type", "从下拉列表选择:企业客户 / 个人客户 / 渠道商 / 合作伙伴。", "Pick from the list: Company / Individual / Reseller / Partner."),
    error: t("请从下拉列表中选择客户类型。", "Pick a customer type from the list."),
  }),
  col("value", "客户价值", "Account tier", "list", 10, {
    list: "tier",
    prompt: help("客户价值", "Account tier", "战略:合作金额大、周期长、行业影响力强;重点:稳定合作、增长空间大;普通:偶有合作。战略客户至少评为A级。", "Strategic: large, long, influential; Key: steady with room to grow; Standard: occasional. Strategic accounts grade at least A."),
    error: t("请从下拉列表中选择:战略 / 重点 / 普通。", "Pick Strategic, Key or Standard from the list."),
  }),
  col("industry", "所属行业", "Industry", "list", 22, {
    required: true, list: "industry",
    prompt: help("所属行业", "Industry", "按国标 GB/T 4754-2017 门类选择,细分写在「细分行业」。例:C 制造业", "Pick the GB/T 4754-2017 section; put the detail in Sub-industry. Example: C Manufacturing"),
    error: t("请从下拉列表中选择行业门类;列表可由经理在「下拉选项」表中增加。", "Pick an industry from the list; a manager can add entries on the Lists sheet."),
  }),
  col("subIndustry", "细分行业", "Sub-industry", "text", 16, {
    prompt: help("细分行业", "Sub-industry", "统一写法「行业-细分」,避免自定义标签。例:餐饮-连锁快餐、制造业-专用设备制造", "Write it as Industry-Detail. Example: Catering-Fast food chain"),
  }),
  col("size", "企业规模", "Company size", "list", 11, {
    list: "size",
    prompt: help("企业规模", "Company size", "按员工人数选择。例:100-499人", "Pick by headcount. Example: 100-499"),
    error: t("请从下拉列表中选择企业规模。", "Pick a company size from the list."),
  }),
  col("province", "省份", "Province", "list", 10, {
    list: "province",
    prompt: help("省份", "Province", "选择客户所在省级行政区。例:广东省", "Pick the province-level division. Example: Guangdong"),
    error: t("请从下拉列表中选择省份。", "Pick a province from the list."),
  }),
  col("city", "城市", "City", "text", 8, { prompt: help("城市", "City", "例:深圳", "Example: Shenzhen") }),
  col("source", "客户来源", "Lead source", "list", 12, {
    list: "source",
    prompt: help("客户来源", "Lead source", "选择获客渠道,具体渠道写在「来源明细」,便于分析获客效果。例:展会", "Pick the channel; put the detail in Source detail. Example: Trade show"),
    error: t("请从下拉列表中选择客户来源。", "Pick a lead source from the list."),
  }),
  col("sourceDetail", "来源明细", "Source detail", "text", 16, {
    prompt: help("来源明细", "Source detail", "写明具体渠道。例:展会-2026上海工博会、官网-产品页", "The exact channel. Example: Trade show - 2026 Shanghai CIIF"),
  }),
  col("contact", "联系人", "Contact", "text", 10, {
    required: true,
    prompt: help("联系人", "Contact", "关键对接人姓名,至少一位。例:王经理", "Name of the key contact, at least one. Example: Manager Wang"),
  }),
  col("title", "职位", "Title", "text", 10, { prompt: help("职位", "Title", "例:采购经理、技术负责人、运营总监", "Example: Purchasing manager") }),
  col("role", "联系人角色", "Contact role", "list", 11, {
    list: "role",
    prompt: help("联系人角色", "Contact role", "标注决策人、技术对接人等角色,明确沟通优先级。", "Mark decision maker, technical contact and so on, to know whom to talk to first."),
    error: t("请从下拉列表中选择联系人角色。", "Pick a contact role from the list."),
  }),
  col("phone", "联系电话", "Phone", "phone", 14, {
    prompt: help("联系电话", "Phone", "手机11位或座机(区号-号码),按文本保存,不会变成数字。例:13812345678、021-62345678", "11-digit mobile or landline with area code, kept as text. Example: 13812345678, 021-62345678"),
    error: t("电话应为7到20个字符:手机11位,座机如 021-62345678。", "A phone number has 7 to 20 characters: 11-digit mobile, or a landline such as 021-62345678."),
  }),
  col("wechat", "微信号", "WeChat", "text", 12, { prompt: help("微信号", "WeChat", "微信号或企业微信名。例:wang_ming2026", "WeChat ID. Example: wang_ming2026") }),
  col("email", "邮箱", "E-mail", "email", 20, {
    prompt: help("邮箱", "E-mail", "工作邮箱。例:wang@mingyuan.com", "Work e-mail. Example: wang@mingyuan.com"),
    error: t("邮箱格式不正确,应包含 @,例:wang@mingyuan.com", "That is not an e-mail address; it needs an @, e.g. wang@mingyuan.com"),
  }),
  col("need", "核心需求", "Core need", "text", 24, {
    prompt: help("核心需求", "Core need", "客户明确提出的需求或痛点,避免模糊表述:不写「意向较强」,写「计划3个月内采购,预算确认中」。", "The need or pain point the customer stated. Not \"keen\", but \"plans to buy within 3 months, budget being confirmed\"."),
  }),
  col("amount", "预计金额(元)", "Deal size (CNY)", "amount", 14, {
    // The thresholds are the Rules' defaults: changing one in ruleDefs.ts changes this prompt with it.
    prompt: { title: t("预计金额(元)", "Deal size (CNY)"), text: perLang((lang) => say(lang, "workbook", "amountPrompt", { a: thresholdAmount(ruleDefault("importanceA"), lang), b: thresholdAmount(ruleDefault("importanceB"), lang) })) },
    error: t("请输入不小于0的金额(元),例:500000。", "Enter an amount of 0 or more in CNY, e.g. 500000."),
  }),
  col("closeDate", "预计成交日期", "Expected close date", "date", 13, {
    prompt: { title: t("预计成交日期", "Expected close date"), text: perLang((lang) => say(lang, "workbook", "closeDatePrompt", { a: ruleDefault("urgencyADays"), aNext: ruleDefault("urgencyADays") + 1, b: ruleDefault("urgencyBDays") })) },
    error: t("请输入日期,例:2026-06-30。", "Enter a date, e.g. 2026-06-30."),
  }),
  col("fit", "匹配度", "Fit", "list", 8, {
    list: "level",
    prompt: help("匹配度", "Fit", "与公司核心产品的契合度。高:高度契合;中:需调整方案;低:暂无合适产品。", "How well our products fit. High: closely; Medium: needs tailoring; Low: no fitting product."),
    error: t("请选择:高 / 中 / 低。", "Pick High, Medium or Low."),
  }),
  col("intent", "合作意向", "Intent", "list", 8, {
    list: "level",
    prompt: help("合作意向", "Intent", "高:需求明确、预算充足、近期采购;中:有需求但细节未定;低:需求模糊、时间不确定。", "High: clear need, budget, buying soon; Medium: need without details; Low: vague, no timeline."),
    error: t("请选择:高 / 中 / 低。", "Pick High, Medium or Low."),
  }),
  col("stage", "当前阶段", "Stage", "list", 10, {
    required: true, list: "stage",
    prompt: help("当前阶段", "Stage", "新线索→初步接触→需求确认→方案提交→商务谈判→已成交→售后维护;或输单、已流失、无效线索。", "Lead → Contacted → Qualified → Proposal → Negotiation → Won → After-sales; or Lost, Churned, Invalid."),
    error: t("请从下拉列表中选择阶段。", "Pick a stage from the list."),
  }),
  col("competitor", "竞争对手", "Competitor", "text", 12, { prompt: help("竞争对手", "Competitor", "客户正在对比的品牌。例:正在对比A/B品牌", "Brands the customer is comparing. Example: comparing brands A and B") }),
  col("wonDate", "成交日期", "Won date", "date", 11, {
    prompt: help("成交日期", "Won date", "签约日期。例:2026-05-20", "Contract date. Example: 2026-05-20"),
    error: t("请输入日期,例:2026-05-20。", "Enter a date, e.g. 2026-05-20."),
  }),
  col("wonAmount", "成交金额(元)", "Won amount (CNY)", "amount", 13, {
    prompt: help("成交金额(元)", "Won amount (CNY)", "合同金额,单位元。例:480000", "Contract value in CNY. Example: 480000"),
    error: t("请输入不小于0的金额(元)。", "Enter an amount of 0 or more in CNY."),
  }),
  col("lostReason", "输单/流失原因", "Lost reason", "list", 11, {
    list: "lostReason",
    prompt: help("输单/流失原因", "Lost reason", "输单或流失时选择主要原因,便于复盘。", "When lost or churned, pick the main reason for the review."),
    error: t("请从下拉列表中选择原因。", "Pick a reason from the list."),
  }),
  col("tags", "客户标签", "Tags", "tags", 16, {
    prompt: help("客户标签", "Tags", "多个标签用逗号或顿号分隔。例:高意向、价格敏感型、技术优先型", "Separate tags with commas. Example: keen, price-sensitive"),
  }),
  col("owner", "负责人", "Owner", "list", 9, {
    required: true, list: "team", warnOnly: true,
    prompt: help("负责人", "Owner", "跟进该客户的销售人员,从团队名单中选择;名单在「下拉选项」表的「销售人员」列维护。", "The rep who owns this customer, from the team list kept on the Lists sheet."),
    error: t("此人不在团队名单中。确定使用?可在「下拉选项」表添加。", "This name is not on the team list. Use it anyway? Managers add names on the Lists sheet."),
  }),
  col("created", "建档日期", "Created", "date", 11, {
    prompt: { title: t("建档日期", "Created"), text: perLang((lang) => say(lang, "workbook", "createdPrompt", { days: ruleDefault("firstContactDays") })) },
    error: t("请输入日期,例:2026-05-01。", "Enter a date, e.g. 2026-05-01."),
  }),
  col("gradeOverride", "人工等级", "Manual grade", "list", 9, {
    list: "gradeOverride",
    prompt: help("人工等级", "Manual grade", "经理可在此指定 A / B / C,优先于自动分级,跟进频率随之改变。留空则自动分级。", "A manager may set A, B or C here; it wins over the computed grade and sets the cadence. Blank: computed."),
    error: t("请选择 A、B、C,或留空。", "Pick A, B or C, or leave it blank."),
  }),
  col("notes", "备注", "Notes", "text", 20, {
    prompt: help("备注", "Notes", "特殊信息。例:客户决策周期较长,需每月跟进;对售后响应速度要求极高", "Anything special. Example: long decision cycle, follow up monthly"),
  }),
  col("grade", "客户等级", "Grade", "text", 8, derived),
  col("gradeReason", "分级依据", "Grade reason", "text", 34, derived),
  col("firstContact", "首次跟进日期", "First contact", "date", 12, derived),
  col("lastContact", "最近跟进日期", "Last contact", "date", 12, derived),
  col("followUps", "跟进次数", "Follow-ups", "number", 8, derived),
  col("nextDue", "下次跟进日期", "Next follow-up", "date", 12, derived),
  col("daysToDue", "距下次跟进(天)", "Days to due", "number", 10, derived),
  // General, not Text: Excel stores a formula typed or written into a Text cell as literal text.
  col("status", "跟进状态", "Status", "text", 9, { derived: true, numberFormat: "General" }),
  ...POOL_CUSTOMER_COLUMNS,
];

export const FOLLOWUP_COLUMNS: readonly ColumnDef[] = [
  col("date", "日期", "Date", "date", 11, {
    required: true,
    prompt: help("跟进日期", "Follow-up date", "沟通发生的日期,每次沟通后24小时内记录。例:2026-05-01", "The day you spoke; log within 24 hours. Example: 2026-05-01"),
    error: t("请输入日期,例:2026-05-01。", "Enter a date, e.g. 2026-05-01."),
  }),
  col("customerId", "客户编号", "Customer ID", "id", 16, {
    required: true,
    prompt: help("客户编号", "Customer ID", "填写「客户信息」表中的客户编号。例:KH-202605-001", "The customer's ID from the Customers sheet. Example: KH-202605-001"),
  }),
  col("customerName", "客户名称", "Customer name", "text", 24, derived),
  col("by", "跟进人", "By", "list", 9, {
    required: true, list: "team", warnOnly: true,
    prompt: help("跟进人", "By", "进行本次跟进的销售人员。", "The rep who made this contact."),
    error: t("此人不在团队名单中。确定使用?", "This name is not on the team list. Use it anyway?"),
  }),
  col("method", "跟进方式", "Method", "list", 10, {
    required: true, list: "method",
    prompt: help("跟进方式", "Method", "电话、上门拜访、客户来访、邮件、线上会议、微信、企业微信或其他。", "Phone, visit, customer visit, e-mail, online meeting, WeChat, WeCom or other."),
    error: t("请从下拉列表中选择跟进方式。", "Pick a method from the list."),
  }),
  col("summary", "沟通内容摘要", "Summary", "text", 36, {
    required: true,
    prompt: help("沟通内容摘要", "Summary", "时间、方式、参与人、结论、待办。例:演示外卖系统功能,客户关注订单量统计模块;结论:需提供同行案例", "What was discussed, the conclusion and to-dos. Example: demoed the ordering system; they asked for peer cases"),
  }),
  col("feedback", "客户反馈", "Feedback", "text", 24, { prompt: help("客户反馈", "Feedback", "例:需内部评审,下周给出回复", "Example: internal review, answer next week") }),
  col("nextStep", "下一步计划", "Next step", "text", 24, { prompt: help("下一步计划", "Next step", "例:3月5日前发送3个案例文件", "Example: send 3 case studies by 5 March") }),
  col("nextDate", "下次跟进日期", "Next follow-up date", "date", 12, {
    prompt: help("下次跟进日期", "Next follow-up date", "约定的下次跟进日期;早于按等级计算的日期时以此为准。例:2026-05-08", "The agreed next contact; used when earlier than the grade's cadence. Example: 2026-05-08"),
    error: t("请输入日期,例:2026-05-08。", "Enter a date, e.g. 2026-05-08."),
  }),
  col("stageChange", "阶段更新", "Stage change", "list", 10, {
    list: "stage",
    prompt: help("阶段更新", "Stage change", "本次沟通后客户进入的新阶段;无变化留空。", "The stage the customer moved to after this contact; blank if unchanged."),
    error: t("请从下拉列表中选择阶段。", "Pick a stage from the list."),
  }),
  ...CONTACT_FOLLOWUP_COLUMNS,
];
