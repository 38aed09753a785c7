import { LANGS, type Lang, type Texts } from "../i18n/lang";
import { section } from "../i18n/catalogue";
import { POOL_OWNER } from "../pool/poolOwner";

/** One dropdown entry in both languages. `zh` is also the stored value in a zh-CN workbook, `en` in en-US. */
export interface ListEntry {
  readonly zh: string;
  readonly en: string;
}

export type ListKey =
  | "customerType"
  | "tier"
  | "industry"
  | "size"
  | "province"
  | "source"
  | "role"
  | "level"
  | "stage"
  | "lostReason"
  | "method"
  | "gradeOverride"
  | "team"
  | "holidays"
  | "workdays";

export interface ListDef {
  readonly key: ListKey;
  /** Header of the single-column table on the Lists sheet, and (ASCII) the defined name feeding validation. */
  readonly header: Readonly<Record<Lang, string>>;
  readonly name: string;
  readonly entries: readonly ListEntry[];
  /** Date lists hold dates, not labels. */
  readonly isDates?: boolean;
}

const e = (zh: string, en: string): ListEntry => ({ zh, en });
const same = (v: string): ListEntry => ({ zh: v, en: v });

export const STAGES = {
  lead: e("新线索", "Lead"),
  contacted: e("初步接触", "Contacted"),
  qualified: e("需求确认", "Qualified"),
  proposal: e("方案提交", "Proposal"),
  negotiation: e("商务谈判", "Negotiation"),
  won: e("已成交", "Won"),
  afterSales: e("售后维护", "After-sales"),
  lost: e("输单", "Lost"),
  churned: e("已流失", "Churned"),
  invalid: e("无效线索", "Invalid"),
} as const;
export type StageKey = keyof typeof STAGES;
export const MAINTENANCE_STAGES: readonly StageKey[] = ["won", "afterSales"];
export const CLOSED_STAGES: readonly StageKey[] = ["lost", "churned", "invalid"];

export const LEVELS = { high: e("高", "High"), medium: e("中", "Medium"), low: e("低", "Low") } as const;
export type LevelKey = keyof typeof LEVELS;

export const TIERS = { strategic: e("战略", "Strategic"), key: e("重点", "Key"), standard: e("普通", "Standard") } as const;
export type TierKey = keyof typeof TIERS;

/** GB/T 4754-2017 national economic industry classification, its 20 sections (门类 A–T). */
const INDUSTRIES: readonly ListEntry[] = [
  e("A 农、林、牧、渔业", "A Agriculture, forestry, animal husbandry and fishery"),
  e("B 采矿业", "B Mining"),
  e("C 制造业", "C Manufacturing"),
  e("D 电力、热力、燃气及水生产和供应业", "D Electricity, heat, gas and water supply"),
  e("E 建筑业", "E Construction"),
  e("F 批发和零售业", "F Wholesale and retail trade"),
  e("G 交通运输、仓储和邮政业", "G Transport, storage and postal services"),
  e("H 住宿和餐饮业", "H Accommodation and catering"),
  e("I 信息传输、软件和信息技术服务业", "I Information transmission, software and IT services"),
  e("J 金融业", "J Finance"),
  e("K 房地产业", "K Real estate"),
  e("L 租赁和商务服务业", "L Leasing and business services"),
  e("M 科学研究和技术服务业", "M Scientific research and technical services"),
  e("N 水利、环境和公共设施管理业", "N Water, environment and public facilities management"),
  e("O 居民服务、修理和其他服务业", "O Resident, repair and other services"),
  e("P 教育", "P Education"),
  e("Q 卫生和社会工作", "Q Health and social work"),
  e("R 文化、体育和娱乐业", "R Culture, sports and entertainment"),
  e("S 公共管理、社会保障和社会组织", "S Public administration, social security and social organisations"),
  e("T 国际组织", "T International organisations"),
];

/** The 34 province-level divisions. */
const PROVINCES: readonly ListEntry[] = [
  e("北京市", "Beijing"), e("天津市", "Tianjin"), e("河北省", "Hebei"), e("山西省", "Shanxi"),
  e("内蒙古自治区", "Inner Mongolia"), e("辽宁省", "Liaoning"), e("吉林省", "Jilin"),
  e("黑龙江省", "Heilongjiang"), e("上海市", "Shanghai"), e("江苏省", "Jiangsu"), e("浙江省", "Zhejiang"),
  e("安徽省", "Anhui"), e("福建省", "Fujian"), e("江西省", "Jiangxi"), e("山东省", "Shandong"),
  e("河南省", "Henan"), e("湖北省", "Hubei"), e("湖南省", "Hunan"), e("广东省", "Guangdong"),
  e("广西壮族自治区", "Guangxi"), e("海南省", "Hainan"), e("重庆市", "Chongqing"), e("四川省", "Sichuan"),
  e("贵州省", "Guizhou"), e("云南省", "Yunnan"), e("西藏自治区", "Tibet"), e("陕西省", "Shaanxi"),
  e("甘肃省", "Gansu"), e("青海省", "Qinghai"), e("宁夏回族自治区", "Ningxia"),
  e("新疆维吾尔自治区", "Xinjiang"), e("台湾省", "Taiwan"), e("香港特别行政区", "Hong Kong"),
  e("澳门特别行政区", "Macao"),
];

/**
 * Official holiday arrangements (国务院办公厅通知) for 2025 and 2026. Editable rows: a manager adds
 * next year's when the State Council publishes them.
 */
const HOLIDAYS: readonly string[] = [
  "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02",
  "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06", "2025-05-01", "2025-05-02",
  "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01", "2025-06-02", "2025-10-01",
  "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
  "2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18",
  "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-04-04", "2026-04-05",
  "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-06-19",
  "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02",
  "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
];
/** 调休: weekend days that are working days. */
const MAKEUP_WORKDAYS: readonly string[] = [
  "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
  "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
];

/** A list's header in every shipped language, from the catalogues' "lists" section (keyed by ListKey). */
const header = (key: ListKey): Texts => Object.fromEntries(LANGS.map((l) => [l, section(l, "lists")[key]])) as Record<Lang, string>;

export const LISTS: readonly ListDef[] = [
  {
    key: "customerType", name: "CRM_List_CustomerType", header: header("customerType"),
    entries: [e("企业客户", "Company"), e("个人客户", "Individual"), e("渠道商", "Reseller"), e("合作伙伴", "Partner")],
  },
  { key: "tier", name: "CRM_List_Tier", header: header("tier"), entries: Object.values(TIERS) },
  { key: "industry", name: "CRM_List_Industry", header: header("industry"), entries: INDUSTRIES },
  {
    key: "size", name: "CRM_List_Size", header: header("size"),
    entries: [e("1-49人", "1-49"), e("50-99人", "50-99"), e("100-499人", "100-499"), e("500-999人", "500-999"), e("1000人以上", "1000+")],
  },
  { key: "province", name: "CRM_List_Province", header: header("province"), entries: PROVINCES },
  {
    key: "source", name: "CRM_List_Source", header: header("source"),
    entries: [
      e("展会", "Trade show"), e("官网表单", "Website form"), e("转介绍", "Referral"), e("行业推荐", "Industry referral"),
      e("客户来电", "Inbound call"), e("客户来访", "Walk-in"), e("陌拜", "Cold call"), e("线上活动", "Online event"),
      e("搜索推广", "Search ads"), e("抖音/视频号", "Douyin/Channels"), e("代理商", "Agent"),
      e("老客户复购", "Repeat customer"), e("其他", "Other"),
    ],
  },
  {
    key: "role", name: "CRM_List_Role", header: header("role"),
    entries: [e("决策人", "Decision maker"), e("采购对接人", "Procurement"), e("技术对接人", "Technical"), e("使用人", "User"), e("影响人", "Influencer")],
  },
  { key: "level", name: "CRM_List_Level", header: header("level"), entries: Object.values(LEVELS) },
  { key: "stage", name: "CRM_List_Stage", header: header("stage"), entries: Object.values(STAGES) },
  {
    key: "lostReason", name: "CRM_List_LostReason", header: header("lostReason"),
    entries: [e("价格", "Price"), e("服务", "Service"), e("竞品", "Competitor"), e("需求变化", "Needs changed"), e("预算取消", "Budget cut"), e("联系不上", "Unreachable"), e("其他", "Other")],
  },
  {
    key: "method", name: "CRM_List_Method", header: header("method"),
    entries: [e("电话", "Phone"), e("上门拜访", "Visit"), e("客户来访", "Customer visit"), e("邮件", "E-mail"), e("线上会议", "Online meeting"), e("微信", "WeChat"), e("企业微信", "WeCom"), e("其他", "Other")],
  },
  { key: "gradeOverride", name: "CRM_List_Grade", header: header("gradeOverride"), entries: [same("A"), same("B"), same("C")] },
  { key: "team", name: "CRM_List_Team", header: header("team"), entries: [POOL_OWNER] },
  { key: "holidays", name: "CRM_List_Holidays", header: header("holidays"), entries: HOLIDAYS.map(same), isDates: true },
  { key: "workdays", name: "CRM_List_Workdays", header: header("workdays"), entries: MAKEUP_WORKDAYS.map(same), isDates: true },
];

export function listDef(key: ListKey): ListDef {
  const def = LISTS.find((l) => l.key === key);
  if (!def) throw new Error(`unknown list ${key}`);
  return def;
}

/**
 * A list entry's label in a language: the one place that picks between a definition's two texts.
 * @example entryLabel(LEVELS.high, "en-US") === "High"
 */
export function entryLabel(e: ListEntry, lang: Lang): string {
  return lang === "zh-CN" ? e.zh : e.en;
}
