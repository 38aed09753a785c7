import type { Texts } from "../i18n/lang";
import type { StageKey } from "../template/lists";
import type { MethodKey } from "./talk";
import { demoText } from "./words";

/**
 * A sales rep and the habits that shape their customers' stories. Habits are what a manager
 * recognises: one rep logs every visit with a next date, another is weeks behind.
 */
export interface Rep {
  readonly name: string;
  readonly weight: number;
  /** Chance that an open or won customer of theirs is overdue, and dormant. */
  readonly overdue: number;
  readonly dormant: number;
  /** Follow-ups per stage passed, at most. */
  readonly perStage: number;
  /** Days between two follow-ups on one deal. */
  readonly gap: readonly [number, number];
  readonly nextDateRate: number;
  readonly feedbackRate: number;
  /** Chance a summary is the vague kind the Guide warns about. */
  readonly terse: number;
  readonly methods: Partial<Readonly<Record<MethodKey, number>>>;
  readonly stages: Readonly<Record<StageKey, number>>;
  /** Days since they joined: a new hire has no old customers. */
  readonly joinedDaysAgo: number | null;
}

const stages = (lead: number, contacted: number, qualified: number, proposal: number, negotiation: number, won: number, afterSales: number, lost: number, churned: number, invalid: number): Rep["stages"] =>
  ({ lead, contacted, qualified, proposal, negotiation, won, afterSales, lost, churned, invalid });

export const REPS: readonly Rep[] = [
  // The diligent senior: visits, sets a next date every time, rarely late.
  { name: "张伟", weight: 22, overdue: 0.03, dormant: 0.01, perStage: 3, gap: [3, 8], nextDateRate: 0.95, feedbackRate: 0.9, terse: 0, methods: { visit: 4, meeting: 2, phone: 2, email: 1, wechat: 1, customerVisit: 1 }, stages: stages(6, 14, 18, 16, 12, 7, 12, 4, 1, 2), joinedDaysAgo: null },
  // Steady, on the phone and WeChat.
  { name: "李娜", weight: 24, overdue: 0.13, dormant: 0.1, perStage: 2, gap: [5, 12], nextDateRate: 0.6, feedbackRate: 0.7, terse: 0.1, methods: { phone: 4, wechat: 3, email: 1, meeting: 1, visit: 1 }, stages: stages(9, 18, 18, 14, 8, 6, 11, 4, 1, 3), joinedDaysAgo: null },
  // Falling behind: late, vague, rarely agrees a next date.
  { name: "王强", weight: 22, overdue: 0.5, dormant: 0.25, perStage: 2, gap: [8, 20], nextDateRate: 0.2, feedbackRate: 0.3, terse: 0.6, methods: { phone: 5, wechat: 2, visit: 1 }, stages: stages(10, 22, 18, 12, 6, 4, 9, 6, 2, 3), joinedDaysAgo: null },
  // The new hire: three months in, mostly fresh leads.
  { name: "刘洋", weight: 14, overdue: 0.16, dormant: 0, perStage: 2, gap: [4, 10], nextDateRate: 0.7, feedbackRate: 0.6, terse: 0.15, methods: { wechat: 3, phone: 3, meeting: 1, email: 1 }, stages: stages(25, 30, 20, 8, 3, 2, 0, 3, 0, 6), joinedDaysAgo: 95 },
  // Key accounts and after-sales: long relationships, WeCom and quarterly meetings.
  { name: "陈静", weight: 18, overdue: 0.08, dormant: 0.1, perStage: 2, gap: [5, 12], nextDateRate: 0.85, feedbackRate: 0.85, terse: 0, methods: { wecom: 4, meeting: 2, visit: 2, phone: 1, customerVisit: 1 }, stages: stages(3, 8, 12, 14, 12, 9, 28, 4, 2, 1), joinedDaysAgo: null },
];

/** Surnames by frequency, with pinyin for WeChat IDs and e-mail addresses. */
export const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ["王", "wang"], ["李", "li"], ["张", "zhang"], ["刘", "liu"], ["陈", "chen"], ["杨", "yang"], ["赵", "zhao"], ["黄", "huang"],
  ["周", "zhou"], ["吴", "wu"], ["徐", "xu"], ["孙", "sun"], ["马", "ma"], ["朱", "zhu"], ["胡", "hu"], ["郭", "guo"], ["何", "he"], ["林", "lin"],
];
export const GIVEN_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["磊", "lei"], ["敏", "min"], ["静", "jing"], ["勇", "yong"], ["艳", "yan"], ["杰", "jie"], ["涛", "tao"], ["芳", "fang"],
  ["建国", "jianguo"], ["海燕", "haiyan"], ["志强", "zhiqiang"], ["晓东", "xiaodong"], ["丽华", "lihua"], ["文博", "wenbo"],
  ["思远", "siyuan"], ["佳怡", "jiayi"], ["俊杰", "junjie"], ["雪梅", "xuemei"], ["国栋", "guodong"], ["子涵", "zihan"],
];

/**
 * Brand words of company names, two auspicious characters each, with their pinyin syllables for
 * e-mail domains. A big demo runs out of these, so new brands are also made by pairing characters.
 */
export const BRANDS: ReadonlyArray<readonly [string, readonly [string, string]]> = [
  ["明远", ["ming", "yuan"]], ["华睿", ["hua", "rui"]], ["恒通", ["heng", "tong"]], ["鼎盛", ["ding", "sheng"]], ["嘉禾", ["jia", "he"]],
  ["瑞丰", ["rui", "feng"]], ["博远", ["bo", "yuan"]], ["海纳", ["hai", "na"]], ["金诚", ["jin", "cheng"]], ["新越", ["xin", "yue"]],
  ["天择", ["tian", "ze"]], ["宏图", ["hong", "tu"]], ["汇智", ["hui", "zhi"]], ["安捷", ["an", "jie"]], ["启航", ["qi", "hang"]],
  ["远景", ["yuan", "jing"]], ["同创", ["tong", "chuang"]], ["凯瑞", ["kai", "rui"]], ["万象", ["wan", "xiang"]], ["正和", ["zheng", "he"]],
  ["信达", ["xin", "da"]], ["永盛", ["yong", "sheng"]], ["中联", ["zhong", "lian"]], ["德润", ["de", "run"]], ["励拓", ["li", "tuo"]],
  ["长荣", ["chang", "rong"]], ["宇泰", ["yu", "tai"]], ["创维", ["chuang", "wei"]], ["森鸿", ["sen", "hong"]], ["立信", ["li", "xin"]],
];

/** Titles by contact role (the Lists sheet's role order): the catalogues' `title.<key>`. */
const ROLE_TITLES: ReadonlyArray<readonly string[]> = [
  ["generalManager", "chairman", "deputyGeneralManager"],
  ["purchasingManager", "purchasingSupervisor"],
  ["itManager", "headOfIt"],
  ["operationsManager", "productionManager"],
  ["financeDirector", "officeManager"],
];
export const TITLES: ReadonlyArray<readonly Texts[]> = ROLE_TITLES.map((titles) => titles.map((t) => demoText(`title.${t}`)));
