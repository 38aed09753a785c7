import type { TeamOpsTexts } from "./en-US";

export const TEAMOPS_ZH_CN: TeamOpsTexts = {
  guide: {
    heading: "团队协作:公海、交接、联系人",
    pool: "公海:在「{rules}」表把「{switch}」设为「是」即开启(默认关闭)。在跟客户超过规定天数未跟进即到期释放:A类{a}天、B类{b}天、C类{c}天、待评估{toAssess}天;从未跟进的按建档日期计算。「{column}」列每天自动倒数,无需插件,剩余不超过{warn}天标红。已成交、售后维护和已关闭的客户永不释放。",
    poolActions: "释放即把负责人改为「{pool}」(团队名单中的一项);销售在插件的「公海」页或用 crm-sheets claim 领取。只有有人操作时才会释放(「公海」页或 crm-sheets pool --release),绝不自动进行。",
    handover: "交接(人员变动时):在插件的「交接」页或用 crm-sheets handover,先预览数量,再把离职销售的在跟客户(可选全部阶段)转给一位同事,或平均分给几位。跟进记录保留原跟进人。",
    ownerWrites: "释放、领取、交接,以及记录跟进时的阶段更新,是仅有的会修改您填写的单元格(负责人、当前阶段)的操作;每一项都需明确操作、先预览,并在「{audit}」中为每个客户记一行,含原负责人。",
    contacts: "联系人:在「{contacts}」表为客户登记每一位联系人,一人一行,注明角色。客户信息表保留主联系人。A、B类在跟客户在两处都没有决策人时,数据检查会提示。",
  },
  cli: {
    poolOff: "{file}:未开启公海(在「{rules}」表把「{switch}」设为「是」),没有到期客户。",
    poolSummary: "{file}:到期待释放 {due} 个客户,{warn} 天内到期 {soon} 个,公海中 {inPool} 个。",
    dueLine: "  {id}  {name}  {owner}  {grade}  已超 {days} 天",
    soonLine: "  {id}  {name}  {owner}  {grade}  还剩 {days} 天",
    released: "已将 {count} 个客户释放到「{pool}」;每个客户在操作日志中记一行,含原负责人。",
    releaseHint: "加 --release 再运行一次即释放到公海。",
    claimed: "{file}:{id} {name} 已由 {owner} 领取(原负责人 {from}),已记入操作日志。",
    handoverPlan: "{file}:{from} 的 {count} 个客户将转交:{split}。",
    handoverDone: "{file}:已转交 {from} 的 {count} 个客户:{split};每个客户在操作日志中记一行。跟进记录保留原跟进人。",
    handoverKept: "{from} 另有 {kept} 个非在跟客户未转交(加 --all-stages 一并转交)。",
    dryRun: "试运行:未做任何修改。",
    splitItem: "{to} {count} 个",
    noOwner: "(无)",
  },
  words: {
    yes: "是",
    no: "否",
  },
  derived: {
    daysToRelease: "距到期释放到公海的天数(0或负数为已到期);未开启公海、已成交或已关闭的客户、公海客户为空。公式每天自动更新,无需插件。",
    customerName: "按客户编号自动填写。",
  },
};
