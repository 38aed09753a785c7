import type { Texts } from "../i18n/lang";

/** The follow-up methods, in the Lists sheet's order. */
export const METHOD_KEYS = ["phone", "visit", "customerVisit", "email", "meeting", "wechat", "wecom", "other"] as const;
export type MethodKey = (typeof METHOD_KEYS)[number];

/** Where in a deal a follow-up happens: the open stages, the signing, after-sales, and the endings. */
export type TouchStage = "attempt" | "contacted" | "qualified" | "proposal" | "negotiation" | "won" | "afterSales" | "lost" | "churned" | "invalid";

/**
 * One thing a rep did, written so the summary names its channel: a 上门拜访 visits, an 邮件 sends.
 * `{p}` stands for the product the customer's industry buys.
 */
export interface Line {
  readonly method: MethodKey;
  readonly text: Texts;
}

const l = (method: MethodKey, zh: string, en: string): Line => ({ method, text: { "zh-CN": zh, "en-US": en } });
const x = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });

export const LINES: Readonly<Record<TouchStage, readonly Line[]>> = {
  attempt: [
    l("phone", "电话未接通,已发短信介绍我司", "Phone call not answered; sent a text introducing us"),
    l("wechat", "微信好友申请已发送,待对方通过", "WeChat friend request sent, waiting for them to accept"),
  ],
  contacted: [
    l("phone", "首次电话联系,介绍我司{p},对方愿意进一步了解", "First phone call: introduced our {p}; they want to learn more"),
    l("phone", "电话了解现状:目前用Excel和纸质单据管理,痛点明确", "Phone call on how they work today: Excel and paper forms, clear pain points"),
    l("wechat", "微信添加对接人,发送公司介绍和{p}资料", "Added the contact on WeChat; sent our profile and the {p} brochure"),
    l("visit", "上门拜访,初步了解业务流程和决策人", "Visited their office: first look at their processes and who decides"),
    l("email", "邮件发送公司介绍与3个同行案例", "Sent our profile and three case studies from their industry by e-mail"),
  ],
  qualified: [
    l("visit", "上门拜访,现场调研业务流程,确认核心需求", "Visited on site to map their processes and confirm the core need"),
    l("meeting", "线上会议梳理需求清单,对方IT和业务负责人参加", "Online meeting to list requirements with their IT and business leads"),
    l("phone", "电话确认预算范围和采购时间", "Phone call to confirm budget range and purchase timing"),
    l("customerVisit", "客户来我司参观,看{p}在同行的实际运行效果", "The customer came to our office to see the {p} running at a peer"),
    l("wecom", "企业微信沟通需求清单,对方补充了三项要求", "WeCom chat on the requirements list; they added three items"),
  ],
  proposal: [
    l("email", "邮件发送{p}解决方案和报价单", "E-mailed the {p} proposal and quotation"),
    l("meeting", "线上会议演示{p},讲解实施计划", "Online meeting: demo of the {p} and the rollout plan"),
    l("visit", "上门演示{p},客户关注报表和手机端功能", "Visited to demo the {p}; they focused on reports and the mobile app"),
    l("wechat", "微信发送修改后的方案,按反馈调整了模块范围", "Sent the revised proposal on WeChat with the modules adjusted to their feedback"),
    l("phone", "电话跟进方案评审进度", "Phone call to chase the proposal review"),
  ],
  negotiation: [
    l("visit", "上门拜访,商务谈判价格和付款方式", "Visited for commercial talks on price and payment terms"),
    l("phone", "电话沟通合同条款,对方法务提出修改意见", "Phone call on contract terms; their legal team asked for changes"),
    l("email", "邮件发送合同草稿和最终报价", "E-mailed the draft contract and final price"),
    l("meeting", "线上会议与采购部确认折扣和交付时间", "Online meeting with purchasing on the discount and delivery date"),
    l("customerVisit", "客户来访,双方负责人会面推进合作", "The customer came to our office; both sides' managers met to move the deal on"),
  ],
  won: [
    l("visit", "上门签订合同,确定实施启动时间", "Visited to sign the contract and fix the kick-off date"),
    l("email", "邮件确认合同已盖章回传,首付款安排中", "E-mail confirmed the stamped contract is back; first payment being arranged"),
    l("customerVisit", "客户来我司签约,并参加实施启动会", "The customer came to our office to sign and joined the kick-off"),
  ],
  afterSales: [
    l("phone", "电话回访使用情况,系统运行稳定", "Follow-up phone call on how it is used: running smoothly"),
    l("visit", "上门回访,为新员工做了一次操作培训", "Follow-up visit: trained their new staff"),
    l("wecom", "企业微信回访,收集到两条改进建议", "WeCom follow-up: collected two suggestions"),
    l("wechat", "微信回访,客户咨询增加账号的费用", "WeChat follow-up: they asked the price of more user accounts"),
    l("meeting", "线上会议季度回访,回顾使用数据", "Quarterly online meeting reviewing their usage figures"),
  ],
  lost: [
    l("phone", "电话得知客户已选择其他供应商", "Phone call: they have chosen another supplier"),
    l("wechat", "微信沟通,客户表示项目今年暂停", "WeChat: the customer says the project is on hold this year"),
    l("email", "邮件收到客户的婉拒回复", "E-mail: a polite no from the customer"),
  ],
  churned: [
    l("phone", "电话回访,客户表示合同到期后不再续约", "Follow-up phone call: they will not renew when the contract ends"),
    l("visit", "上门回访挽留,客户仍决定更换供应商", "Visited to keep them; they are still changing supplier"),
  ],
  invalid: [
    l("phone", "电话多次未接通,号码疑似已停用", "Several phone calls unanswered; the number seems out of service"),
    l("phone", "电话沟通,对方并非目标客户,无相关需求", "Phone call: not a target customer, no need for what we sell"),
  ],
};

/** The vague one-liners a rep falling behind writes (the Guide asks for better). */
export const TERSE: Partial<Readonly<Record<MethodKey, Texts>>> = {
  phone: x("电话跟进,客户考虑中", "Phone call, customer thinking it over"),
  wechat: x("微信联系,意向较强", "WeChat, seems keen"),
  visit: x("上门拜访,聊得不错", "Visited, went well"),
};

export const FEEDBACK: Readonly<Record<TouchStage, readonly Texts[]>> = {
  attempt: [],
  contacted: [x("有兴趣,希望先看同行案例", "Interested; wants to see peers' cases first"), x("目前用Excel,觉得效率低", "Uses Excel today and finds it slow"), x("需要向老板汇报后再定", "Has to report to the boss first"), x("去年试过一家,上线失败,比较谨慎", "Tried another vendor last year and it failed; cautious"), x("关心价格和实施周期", "Asks about price and how long rollout takes"), x("让我们先和信息部对接", "Wants us to talk to their IT department first")],
  qualified: [x("预算在申请中,预计下月批复", "Budget requested; approval expected next month"), x("最关心和现有财务软件的对接", "Most concerned about linking to their accounting software"), x("希望分两期实施", "Would like two phases"), x("决策人是总经理,采购只负责比价", "The general manager decides; purchasing only compares prices"), x("要求先做一个小范围试点", "Wants a small pilot first"), x("数据需要本地部署,不能上公有云", "Data must stay on premises, no public cloud")],
  proposal: [x("方案整体认可,觉得价格偏高", "Likes the proposal; finds the price high"), x("需内部评审,下周回复", "Internal review; answer next week"), x("要求增加手机端审批", "Wants mobile approvals added"), x("希望提供同城的参考客户", "Wants a reference customer in their city"), x("对报表部分很满意,担心员工上手难", "Likes the reports; worried staff will find it hard"), x("在和另外两家比较", "Comparing us with two other vendors")],
  negotiation: [x("希望再给5%折扣", "Asks for another 5% off"), x("付款方式希望3-6-1", "Wants payment split 30/60/10"), x("合同在法务审核中", "Contract is with their legal team"), x("要求质保期延长到两年", "Wants the warranty extended to two years"), x("月底前签约可以申请预算", "Budget can be released if signed before month end")],
  won: [x("对实施团队的安排满意", "Happy with the implementation team")],
  afterSales: [x("整体满意,希望响应再快一些", "Satisfied overall; wants faster responses"), x("有意向加购报表模块", "Considering the reporting module"), x("操作人员换了一批,需要再培训", "New operators; they need training again"), x("愿意做我们的参考客户", "Happy to be a reference customer"), x("明年预算里考虑续费和扩容", "Renewal and more users are in next year's budget")],
  lost: [x("竞品报价低了约20%", "The competitor quoted about 20% less"), x("老板决定今年不投入", "The boss decided not to spend this year")],
  churned: [x("对售后响应速度不满意", "Unhappy with how fast support responds")],
  invalid: [],
};

export const NEXT_STEPS: Readonly<Record<TouchStage, readonly Texts[]>> = {
  attempt: [x("明天再打一次", "Call again tomorrow")],
  contacted: [x("发送同行案例,约下周上门", "Send case studies; book a visit next week"), x("约技术负责人一起沟通需求", "Set up a needs call with their technical lead")],
  qualified: [x("整理需求清单,准备方案", "Write up the requirements; prepare the proposal"), x("安排售前工程师做演示", "Book a presales engineer for a demo")],
  proposal: [x("根据反馈修改方案后重新报价", "Revise the proposal and re-quote"), x("约决策人做一次完整演示", "Book a full demo with the decision maker")],
  negotiation: [x("申请特价,争取本月签约", "Request special pricing; aim to sign this month"), x("发送合同终稿", "Send the final contract")],
  won: [x("安排实施启动会", "Arrange the kick-off meeting")],
  afterSales: [x("下季度再次回访", "Follow up again next quarter"), x("推荐加购报表模块", "Offer the reporting module")],
  lost: [x("半年后再联系", "Get back in touch in six months")],
  churned: [],
  invalid: [],
};

/** Extra words for the Notes and Tags columns. */
export const TAGS = {
  highIntent: x("高意向", "High intent"),
  priceSensitive: x("价格敏感型", "Price-sensitive"),
  techFirst: x("技术优先型", "Tech-first"),
  referral: x("老客户转介绍", "Referred by a customer"),
} as const;

export const NOTES = {
  noContact: x("展会名片丢失,联系方式待补", "Lost the trade-show card; contact details to follow"),
  renewal: x("合同到期前60天提醒续约", "Renewal reminder 60 days before the contract ends"),
} as const;

/** Source details: what a rep writes next to the lead source. `{show}` is the industry's trade show, `{year}` the year. */
export const SOURCE_DETAILS: Readonly<Record<number, Texts>> = {
  0: x("展会-{year}{show}", "{show} {year}"),
  2: x("老客户推荐", "Referred by an existing customer"),
  3: x("行业协会推荐", "Industry association"),
  7: x("直播:{p}选型指南", "Webinar: choosing a {p}"),
  8: x("百度搜索", "Baidu search"),
  9: x("视频号直播", "WeChat Channels live stream"),
};
