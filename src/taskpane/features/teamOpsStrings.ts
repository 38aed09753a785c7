import type { Lang } from "../../core/i18n/lang";
import { usePane } from "../context";

/**
 * The pane's words for the Pool and Handover pages and the contacts on the card and log form, one
 * typed object per language (zh-CN must carry every key en-US has: it fails to compile otherwise).
 */
const EN = {
  tabPool: "Pool",
  tabHandover: "Handover",
  poolOff: "The customer pool is off",
  poolOffBody: "A manager switches it on with \"{switch}\" = Yes on the Rules sheet. Customers in the pool can still be claimed.",
  inPool: "In the pool ({count})",
  inPoolEmpty: "No customer is in the pool.",
  claim: "Claim",
  claimFor: "Claim {name} for {user}",
  claimed: "{id} is yours now; logged.",
  needName: "Enter your name on Home first: the claim and the audit log name you.",
  dueTitle: "Due for release ({count})",
  dueEmpty: "Nobody is due for release.",
  dueLine: "{id} · {name} · {owner} · {days} days over",
  soonTitle: "Due within {warn} days ({count})",
  soonLine: "{id} · {name} · {owner} · {days} days left",
  release: "Release {count} to the pool",
  releaseConfirm: "Each of these {count} customers gets Owner \"{pool}\", with one audit-log row naming its old owner. Release now?",
  confirm: "Release",
  cancel: "Cancel",
  released: "Released {count} customers to the pool.",
  skipped: "{count} rows changed meanwhile (a colleague edited the Owner, or the rows moved) and were left as they are: {ids}",
  skippedTitle: "Some rows were left alone",
  handoverIntro: "For managers, when a rep leaves: their customers move to one colleague or are split evenly. Follow-ups keep their author; each moved customer gets an audit-log row.",
  from: "From (leaving rep)",
  to: "To (one or several reps)",
  allStages: "All stages (won, after-sales and closed too)",
  preview: "Preview",
  previewTitle: "{total} customers would move",
  previewLine: "{to}: {count}",
  previewKept: "{kept} of {from}'s customers are not open and stay.",
  handOver: "Hand over {count} customers",
  handedOver: "Moved {count} customers of {from}.",
  noCustomersToMove: "Nothing to move.",
  contacts: "Contacts",
  noContacts: "No contacts on the Contacts sheet.",
  decisionMaker: "Decides",
  mainContact: "Main",
  spokeWith: "Spoke with",
  spokeWithMain: "Main contact",
} as const;

type Keys = keyof typeof EN;
const ZH: Readonly<Record<Keys, string>> = {
  tabPool: "公海",
  tabHandover: "交接",
  poolOff: "未开启公海",
  poolOffBody: "经理可在「分级规则」表把「{switch}」设为「是」来开启。公海中的客户仍可领取。",
  inPool: "公海客户({count})",
  inPoolEmpty: "公海中暂无客户。",
  claim: "领取",
  claimFor: "为{user}领取 {name}",
  claimed: "{id} 已归您跟进,已记入操作日志。",
  needName: "请先在「首页」填写您的姓名:领取和操作日志都会记录它。",
  dueTitle: "到期待释放({count})",
  dueEmpty: "暂无到期客户。",
  dueLine: "{id} · {name} · {owner} · 已超 {days} 天",
  soonTitle: "{warn} 天内到期({count})",
  soonLine: "{id} · {name} · {owner} · 还剩 {days} 天",
  release: "释放 {count} 个到公海",
  releaseConfirm: "这 {count} 个客户的负责人将改为「{pool}」,每个客户在操作日志中记一行,含原负责人。现在释放?",
  confirm: "释放",
  cancel: "取消",
  released: "已将 {count} 个客户释放到公海。",
  skipped: "有 {count} 行在此期间被改动(同事修改了负责人,或行已移动),已保持原样:{ids}",
  skippedTitle: "部分行未修改",
  handoverIntro: "供经理在人员变动时使用:离职销售的客户转给一位同事,或平均分给几位。跟进记录保留原跟进人;每个转交的客户在操作日志中记一行。",
  from: "移出人(离职销售)",
  to: "接收人(一位或多位)",
  allStages: "全部阶段(含已成交、售后维护和已关闭)",
  preview: "预览",
  previewTitle: "将转交 {total} 个客户",
  previewLine: "{to}:{count} 个",
  previewKept: "{from} 另有 {kept} 个非在跟客户保留不动。",
  handOver: "转交 {count} 个客户",
  handedOver: "已转交 {from} 的 {count} 个客户。",
  noCustomersToMove: "没有可转交的客户。",
  contacts: "联系人",
  noContacts: "「联系人」表中暂无此客户的联系人。",
  decisionMaker: "决策人",
  mainContact: "主联系人",
  spokeWith: "沟通联系人",
  spokeWithMain: "主联系人",
};

export const TEAM_OPS_STRINGS: Readonly<Record<Lang, Readonly<Record<Keys, string>>>> = { "en-US": EN, "zh-CN": ZH };
export type TeamOpsKey = Keys;

/** `tt("claimed", { id })` in the pane's language. */
export function useTeamOpsText(): (key: TeamOpsKey, values?: Readonly<Record<string, string | number>>) => string {
  const { lang } = usePane();
  return (key, values = {}) => TEAM_OPS_STRINGS[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
