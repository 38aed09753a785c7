import { perLang, type Lang, type Texts } from "../i18n/lang";
import { section, type Catalogue } from "../i18n/catalogue";
import { POOL_OWNER } from "../pool/poolOwner";

/** One dropdown entry in every shipped language: in a workbook of a language, its text is also the stored value. */
export type ListEntry = Texts;

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

/** Each entry's key within its list (`lead` of `stage.lead`; a language-neutral entry's value). */
const KEYS = new Map<ListEntry, string>();
const keyed = (e: ListEntry, key: string): ListEntry => {
  KEYS.set(e, key);
  return e;
};
/** An entry's words from the catalogues' "listEntries" section. */
const entry = (key: keyof Catalogue["listEntries"]): ListEntry =>
  keyed(perLang((l) => section(l, "listEntries")[key]), key.slice(key.indexOf(".") + 1));
/** A value that is the same in every language (a date, a grade letter). */
const same = (v: string): ListEntry => keyed(perLang(() => v), v);

/**
 * An entry's key within its list, whatever the language: what code that recognises entries is keyed by.
 * @example entryKey(STAGES.lead) === "lead"
 */
export function entryKey(e: ListEntry): string {
  const k = KEYS.get(e);
  if (k === undefined) throw new Error("not an entry of the template's lists");
  return k;
}

export const STAGES = {
  lead: entry("stage.lead"),
  contacted: entry("stage.contacted"),
  qualified: entry("stage.qualified"),
  proposal: entry("stage.proposal"),
  negotiation: entry("stage.negotiation"),
  won: entry("stage.won"),
  afterSales: entry("stage.afterSales"),
  lost: entry("stage.lost"),
  churned: entry("stage.churned"),
  invalid: entry("stage.invalid"),
} as const;
export type StageKey = keyof typeof STAGES;
/**
 * The stages' labels in every language, for formulas that must recognise a stage typed in either.
 * @example stageLabels(["lost"]) // ["输单", "Lost"]
 */
export function stageLabels(keys: readonly StageKey[]): string[] {
  return keys.flatMap((k) => Object.values(STAGES[k]));
}
export const MAINTENANCE_STAGES: readonly StageKey[] = ["won", "afterSales"];
export const CLOSED_STAGES: readonly StageKey[] = ["lost", "churned", "invalid"];

export const LEVELS = { high: entry("level.high"), medium: entry("level.medium"), low: entry("level.low") } as const;
export type LevelKey = keyof typeof LEVELS;

export const TIERS = { strategic: entry("tier.strategic"), key: entry("tier.key"), standard: entry("tier.standard") } as const;
export type TierKey = keyof typeof TIERS;

/** GB/T 4754-2017 national economic industry classification, its 20 sections (门类 A–T). */
const INDUSTRIES: readonly ListEntry[] = [
  entry("industry.A"),
  entry("industry.B"),
  entry("industry.C"),
  entry("industry.D"),
  entry("industry.E"),
  entry("industry.F"),
  entry("industry.G"),
  entry("industry.H"),
  entry("industry.I"),
  entry("industry.J"),
  entry("industry.K"),
  entry("industry.L"),
  entry("industry.M"),
  entry("industry.N"),
  entry("industry.O"),
  entry("industry.P"),
  entry("industry.Q"),
  entry("industry.R"),
  entry("industry.S"),
  entry("industry.T"),
];

/** The 34 province-level divisions. */
const PROVINCES: readonly ListEntry[] = [
  entry("province.beijing"), entry("province.tianjin"), entry("province.hebei"), entry("province.shanxi"),
  entry("province.innerMongolia"), entry("province.liaoning"), entry("province.jilin"),
  entry("province.heilongjiang"), entry("province.shanghai"), entry("province.jiangsu"), entry("province.zhejiang"),
  entry("province.anhui"), entry("province.fujian"), entry("province.jiangxi"), entry("province.shandong"),
  entry("province.henan"), entry("province.hubei"), entry("province.hunan"), entry("province.guangdong"),
  entry("province.guangxi"), entry("province.hainan"), entry("province.chongqing"), entry("province.sichuan"),
  entry("province.guizhou"), entry("province.yunnan"), entry("province.tibet"), entry("province.shaanxi"),
  entry("province.gansu"), entry("province.qinghai"), entry("province.ningxia"),
  entry("province.xinjiang"), entry("province.taiwan"), entry("province.hongKong"),
  entry("province.macao"),
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
const header = (key: ListKey): Texts => perLang((l) => section(l, "lists")[key]);

export const LISTS: readonly ListDef[] = [
  {
    key: "customerType", name: "CRM_List_CustomerType", header: header("customerType"),
    entries: [entry("customerType.company"), entry("customerType.individual"), entry("customerType.reseller"), entry("customerType.partner")],
  },
  { key: "tier", name: "CRM_List_Tier", header: header("tier"), entries: Object.values(TIERS) },
  { key: "industry", name: "CRM_List_Industry", header: header("industry"), entries: INDUSTRIES },
  {
    key: "size", name: "CRM_List_Size", header: header("size"),
    entries: [entry("size.under50"), entry("size.50to99"), entry("size.100to499"), entry("size.500to999"), entry("size.1000plus")],
  },
  { key: "province", name: "CRM_List_Province", header: header("province"), entries: PROVINCES },
  {
    key: "source", name: "CRM_List_Source", header: header("source"),
    entries: [
      entry("source.tradeShow"), entry("source.websiteForm"), entry("source.referral"), entry("source.industryReferral"),
      entry("source.inboundCall"), entry("source.walkIn"), entry("source.coldCall"), entry("source.onlineEvent"),
      entry("source.searchAds"), entry("source.douyinChannels"), entry("source.agent"),
      entry("source.repeatCustomer"), entry("source.other"),
    ],
  },
  {
    key: "role", name: "CRM_List_Role", header: header("role"),
    entries: [entry("role.decisionMaker"), entry("role.procurement"), entry("role.technical"), entry("role.user"), entry("role.influencer")],
  },
  { key: "level", name: "CRM_List_Level", header: header("level"), entries: Object.values(LEVELS) },
  { key: "stage", name: "CRM_List_Stage", header: header("stage"), entries: Object.values(STAGES) },
  {
    key: "lostReason", name: "CRM_List_LostReason", header: header("lostReason"),
    entries: [entry("lostReason.price"), entry("lostReason.service"), entry("lostReason.competitor"), entry("lostReason.needsChanged"), entry("lostReason.budgetCut"), entry("lostReason.unreachable"), entry("lostReason.other")],
  },
  {
    key: "method", name: "CRM_List_Method", header: header("method"),
    entries: [entry("method.phone"), entry("method.visit"), entry("method.customerVisit"), entry("method.email"), entry("method.onlineMeeting"), entry("method.wechat"), entry("method.wecom"), entry("method.other")],
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
 * A list entry's label in a language: the one place that picks among a definition's texts.
 * @example entryLabel(LEVELS.high, "en-US") === "High"
 */
export function entryLabel(e: ListEntry, lang: Lang): string {
  return e[lang];
}
