import type { RuleDef } from "../rules/ruleDefs";
import type { Texts } from "../i18n/lang";

/** Rules-sheet rows for value tiers and complaint deadlines (SPEC § Value tiers and complaints). */
export type HealthRuleKey =
  | "riskComplaints"
  | "riskWindowDays"
  | "highValueWon"
  | "highValueWindowDays"
  | "highValueStrategic"
  | "potentialAmount"
  | "potentialCloseDays"
  | "orderRisk"
  | "orderHighValue"
  | "orderPotential"
  | "orderDormant"
  | "complaintRespondHours"
  | "complaintSolveHours"
  | "complaintCallbackDays";

/** Defined names the live complaint status and its highlight read (cells on the Rules sheet). */
export const COMPLAINT_NAMES = {
  respondHours: "CRM_ComplaintRespondHours",
  solveHours: "CRM_ComplaintSolveHours",
  callbackDays: "CRM_ComplaintCallbackDays",
} as const;

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
type Kind = "number" | "integer";
const def =
  (kind: Kind) =>
  (key: HealthRuleKey, label: Texts, d: number, min: number, max: number, note: Texts, name?: string): RuleDef =>
    // The key is one of ours; RuleDef's key union includes it (ruleDefs imports HealthRuleKey).
    ({ key, label, kind, defaultValue: d, min, max, note, ...(name ? { name } : {}) });
const num = def("number");
const int = def("integer");

/**
 * Appended after the grading rules, so the rows of an older workbook keep their places and an
 * upgrade only adds rows at the end. Tier order is four ranks (1 = checked first) rather than one
 * text cell: each is a validated whole number, and ties fall back to the spec's order.
 */
export const HEALTH_RULE_DEFS: readonly RuleDef[] = [
  int(
    "riskComplaints",
    t("风险-投诉次数", "Risk - complaints"),
    2,
    1,
    1000,
    t("统计期内投诉达到此次数为「风险」", "This many complaints in the window is Risk"),
  ),
  int(
    "riskWindowDays",
    t("风险-投诉统计(天)", "Risk - complaint window (days)"),
    90,
    1,
    3650,
    t("统计最近多少天内的投诉", "Complaints counted over these last days"),
  ),
  num(
    "highValueWon",
    t("高价值-成交金额(元)", "High value - won amount (CNY)"),
    500000,
    0,
    1e12,
    t("统计期内成交金额不低于此为「高价值」", "Won at least this within the window is High value"),
  ),
  int(
    "highValueWindowDays",
    t("高价值-成交统计(天)", "High value - won within (days)"),
    365,
    1,
    3650,
    t("成交日期在最近多少天内(默认12个月)", "Won date within these last days (12 months)"),
  ),
  {
    key: "highValueStrategic",
    label: t("战略客户为高价值", "Strategic is High value"),
    kind: "switch",
    defaultValue: true,
    min: 0,
    max: 1,
    note: t("是/否", "Yes/No"),
  },
  num(
    "potentialAmount",
    t("潜力-预计金额(元)", "Potential - deal size from (CNY)"),
    100000,
    0,
    1e12,
    t("跟进中、核心需求已填、预计金额不低于此", "Open, core need filled, deal size at least this"),
  ),
  int(
    "potentialCloseDays",
    t("潜力-成交天数超过", "Potential - close beyond (days)"),
    180,
    0,
    3650,
    t("且预计成交日期在此天数之后", "and the expected close further away than this"),
  ),
  int(
    "orderRisk",
    t("分层顺序-风险", "Tier order - Risk"),
    1,
    1,
    4,
    t("1最先判断;多个分层同时满足时取最先者", "1 is checked first; the first tier that applies wins"),
  ),
  int("orderHighValue", t("分层顺序-高价值", "Tier order - High value"), 2, 1, 4, t("同上", "As above")),
  int("orderPotential", t("分层顺序-潜力", "Tier order - Potential"), 3, 1, 4, t("同上", "As above")),
  int("orderDormant", t("分层顺序-沉睡", "Tier order - Dormant"), 4, 1, 4, t("同上", "As above")),
  num(
    "complaintRespondHours",
    t("投诉-响应时限(小时)", "Complaint - respond in (hours)"),
    1,
    0.1,
    720,
    t("首问负责制:受理后此时限内首次响应", "First response within this many hours of receipt"),
    COMPLAINT_NAMES.respondHours,
  ),
  num(
    "complaintSolveHours",
    t("投诉-解决时限(小时)", "Complaint - solve in (hours)"),
    24,
    0.1,
    2160,
    t("受理后此时限内给出解决方案", "A solution within this many hours of receipt"),
    COMPLAINT_NAMES.solveHours,
  ),
  int(
    "complaintCallbackDays",
    t("投诉-回访时限(天)", "Complaint - call back in (days)"),
    3,
    0,
    365,
    t("解决后此天数内回访", "Call back within this many days of the solution"),
    COMPLAINT_NAMES.callbackDays,
  ),
];
