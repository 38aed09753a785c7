import type { HealthCatalogue } from "./catalogue";

export const zhCN: HealthCatalogue = {
  tier: { risk: "风险", highValue: "高价值", potential: "潜力", dormant: "沉睡", standard: "一般" },
  strategy: {
    highValue: "经理直接跟进、每季度上门回访",
    potential: "专家参与、定期发送方案",
    risk: "分析原因、制定挽回计划",
    dormant: "节日问候与资讯激活",
    standard: "按等级频率正常跟进",
  },
  fact: {
    complaints: "{days}天内投诉{count}次",
    late: "{count}次投诉超时",
    lowIntentWon: "已成交但合作意向低",
    wonAmount: "{days}天内成交{amount}",
    strategic: "战略客户",
    pipeline: "预计{amount}、{days}天后成交",
    dormant: "跟进状态为沉睡",
  },
  reason: { head: "{tier}:{facts}", also: ";亦为{tiers}", factSep: "、", listSep: "、", standard: "未满足其他分层条件" },
  complaintStatus: {
    awaitingResponse: "待响应",
    responseLate: "响应超时",
    inProgress: "处理中",
    solutionLate: "解决超时",
    awaitingCallback: "待回访",
    callbackLate: "回访超时",
    done: "已完成",
  },
  guide: {
    heading: "价值分层与投诉处理",
    intro: "价值分层:「{customers}」表的「价值分层」列在分级时自动计算,「分层依据」写明满足的所有分层。按顺序取第一个满足的:风险、高价值、潜力、沉睡,其余为一般;阈值、统计天数和顺序在「{rules}」表修改。",
    tierLine: "{tier}:{when}。策略:{strategy}。",
    when: {
      risk: "{riskWindowDays}天内投诉不少于{riskComplaints}次,或有投诉超时,或已成交、售后维护客户的合作意向为低",
      highValue: "最近{highValueWindowDays}天内成交金额不少于{highValueWon},或客户价值为战略",
      potential: "跟进中、已填核心需求、预计金额不少于{potentialAmount},且预计成交日期在{potentialCloseDays}天以后",
      dormant: "跟进状态为沉睡",
      standard: "以上都不满足",
    },
    complaints: "投诉处理(首问负责制):在「{complaints}」表末尾或插件的「投诉」页登记,谁受理谁负责到底。受理后{complaintRespondHours}小时内首次响应,{complaintSolveHours}小时内给出解决方案,解决后{complaintCallbackDays}天内回访并记录满意度(1-5分)。「处理状态」列随时间自动更新:待响应→响应超时、处理中→解决超时、待回访→回访超时、已完成;超时的行标红,不装插件也能看到。投诉会计入价值分层的「风险」。",
    derived: {
      valueTier: "风险 / 高价值 / 潜力 / 沉睡 / 一般,分级时自动计算;输单等已关闭客户不分层。",
      tierReason: "满足的分层及原因,例:风险:90天内投诉2次;亦为高价值",
      customerName: "按客户编号自动填写。",
      slaStatus: "待响应、响应超时、处理中、解决超时、待回访、回访超时、已完成;公式随时间自动更新,无需插件。",
    },
  },
};
