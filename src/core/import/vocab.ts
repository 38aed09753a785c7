import { entryKey, listDef, type ListEntry, type ListKey } from "../template/lists";
import { normalizeHeader } from "./headers";

/**
 * Recognises a dropdown value the way a person would: the label in any language, then exact
 * synonyms (keyed by entry key), then (for a few lists) a keyword the text contains. Anything else is unclear.
 */
export class Vocab {
  private readonly exact = new Map<string, ListEntry>();
  private readonly keywords: ReadonlyArray<readonly [string, ListEntry]>;

  constructor(entries: readonly ListEntry[], synonyms: Readonly<Record<string, readonly string[]>> = {}, keywords: Readonly<Record<string, readonly string[]>> = {}) {
    const byKey = new Map(entries.map((e) => [entryKey(e), e]));
    for (const e of entries) {
      for (const label of Object.values(e)) this.exact.set(normalizeHeader(label), e);
    }
    for (const [key, words] of Object.entries(synonyms)) {
      const e = byKey.get(key);
      if (!e) throw new Error(`no entry ${key}`);
      for (const w of words) if (!this.exact.has(normalizeHeader(w))) this.exact.set(normalizeHeader(w), e);
    }
    const kw: Array<readonly [string, ListEntry]> = [];
    for (const [key, words] of Object.entries(keywords)) {
      const e = byKey.get(key);
      if (!e) throw new Error(`no entry ${key}`);
      for (const w of words) kw.push([normalizeHeader(w), e]);
    }
    this.keywords = kw;
  }

  /** Whether the text is a label or an exact synonym (not a keyword found inside a longer text). */
  isExact(text: string): boolean {
    return this.exact.has(normalizeHeader(text));
  }

  /** The entry a text names, or null when it is not clear. */
  find(text: string): ListEntry | null {
    // Columns repeat their labels: each distinct text is looked up once.
    const seen = this.seen.get(text);
    if (seen !== undefined) return seen;
    const r = this.findOnce(text);
    if (this.seen.size < 10_000) this.seen.set(text, r);
    return r;
  }

  private readonly seen = new Map<string, ListEntry | null>();

  private findOnce(text: string): ListEntry | null {
    const n = normalizeHeader(text);
    if (n === "") return null;
    const hit = this.exact.get(n);
    if (hit) return hit;
    const found = new Set<ListEntry>();
    for (const [w, e] of this.keywords) if (n.includes(w)) found.add(e);
    // Two different meanings in one text (餐饮软件) are not clear: kept as typed.
    return found.size === 1 ? ([...found][0] as ListEntry) : null;
  }
}

const entries = (k: ListKey) => listDef(k).entries;

export const STAGE_VOCAB = new Vocab(entries("stage"), {
  lead: ["潜在客户", "线索", "新客户", "潜客", "lead", "new lead", "prospect", "new"],
  contacted: ["初次接触", "初步沟通", "初次沟通", "已接触", "contacted", "first contact"],
  qualified: ["需求调研", "需求分析", "需求沟通", "qualified", "qualification", "discovery"],
  proposal: ["方案", "报价", "方案演示", "已报价", "方案报价", "proposal", "quote", "quotation", "demo"],
  negotiation: ["洽谈中", "谈判中", "谈判", "洽谈", "商务洽谈", "negotiation", "negotiating"],
  won: ["已签约", "签约", "成交", "已签单", "签单", "won", "closed won", "signed"],
  afterSales: ["售后", "维护", "after sales", "aftersales"],
  lost: ["丢单", "输单", "lost", "closed lost"],
  churned: ["流失", "churned"],
  invalid: ["无效", "无效客户", "invalid"],
});

export const LEVEL_VOCAB = new Vocab(entries("level"), {
  high: ["强", "很高", "较强", "强烈", "high", "h", "strong"],
  medium: ["一般", "中等", "medium", "m", "mid", "normal"],
  low: ["弱", "较弱", "low", "l", "weak"],
});

export const TYPE_VOCAB = new Vocab(entries("customerType"), {
  company: ["公司", "企业", "企业用户", "b端", "company", "business", "enterprise"],
  individual: ["个人", "个体", "c端", "individual", "person", "personal"],
  reseller: ["代理", "代理商", "渠道", "经销商", "分销商", "reseller", "agent", "distributor", "channel"],
  partner: ["伙伴", "partner"],
});

export const TIER_VOCAB = new Vocab(entries("tier"), {
  strategic: ["战略客户", "strategic"],
  key: ["重点客户", "重要", "key"],
  standard: ["普通客户", "一般", "standard", "normal"],
});

export const ROLE_VOCAB = new Vocab(entries("role"), {
  decisionMaker: ["决策者", "老板", "总经理", "负责人", "decision maker", "decider"],
  procurement: ["采购", "采购负责人", "procurement", "purchasing"],
  technical: ["技术", "技术负责人", "technical", "tech"],
  user: ["使用者", "用户", "user"],
  influencer: ["影响者", "influencer"],
});

export const SOURCE_VOCAB = new Vocab(entries("source"), {
  tradeShow: ["会展", "展览会", "展会获客"],
  websiteForm: ["官网", "网站", "官网咨询", "website"],
  referral: ["介绍", "朋友介绍", "客户介绍", "老客户介绍", "referral"],
  inboundCall: ["来电", "电话咨询", "inbound"],
  walkIn: ["来访"],
  coldCall: ["陌生拜访", "电话陌拜", "cold call"],
  onlineEvent: ["直播", "线上会议", "webinar"],
  searchAds: ["百度", "百度推广", "sem", "搜索引擎"],
  douyinChannels: ["抖音", "视频号", "短视频"],
  agent: ["代理", "渠道"],
  repeatCustomer: ["复购", "老客户"],
});

export const LOST_REASON_VOCAB = new Vocab(entries("lostReason"), {
  price: ["价格高", "太贵", "价格原因"],
  competitor: ["竞争对手", "选了竞品"],
  budgetCut: ["没预算", "无预算", "预算不足"],
  unreachable: ["失联", "联系不到"],
});

export const METHOD_VOCAB = new Vocab(entries("method"), {
  phone: ["电联", "打电话", "电话沟通", "call", "phone call", "tel"],
  visit: ["拜访", "上门", "面访", "visit", "onsite"],
  customerVisit: ["来访"],
  email: ["email", "e-mail", "mail", "电子邮件"],
  onlineMeeting: ["视频会议", "线上", "腾讯会议", "zoom", "teams", "video call", "meeting"],
  wechat: ["wechat", "weixin"],
  wecom: ["企微", "wecom"],
});

export const OVERRIDE_VOCAB = new Vocab(entries("gradeOverride"), { A: ["a级"], B: ["b级"], C: ["c级"] });

/** Section letters and names of GB/T 4754-2017, then the keywords the spec lists. */
const INDUSTRY_ENTRIES = entries("industry");
const INDUSTRY_SYNONYMS: Record<string, string[]> = {};
for (const e of INDUSTRY_ENTRIES) {
  // A section's label is its letter, a space and its name ("C 制造业"): the letter and the name alone match too.
  const code = entryKey(e);
  const names = Object.values(e).map((label) => label.split(" ").slice(1).join(" "));
  INDUSTRY_SYNONYMS[code] = [code, ...names, `${code}${(names[0] ?? "").split(" ").join("")}`];
}

export const INDUSTRY_VOCAB = new Vocab(INDUSTRY_ENTRIES, INDUSTRY_SYNONYMS, {
  A: ["农业", "林业", "畜牧", "渔业", "养殖", "种植"],
  B: ["采矿", "矿业", "煤矿"],
  C: ["制造", "工厂", "加工", "机械", "电子厂", "manufactur", "factory"],
  D: ["电力", "燃气", "供水", "供电", "能源"],
  E: ["建筑", "工程", "装修", "construction"],
  F: ["零售", "批发", "商超", "超市", "贸易", "电商", "retail", "wholesale", "trade"],
  G: ["物流", "运输", "仓储", "快递", "logistics", "transport"],
  H: ["餐饮", "酒店", "餐厅", "饭店", "民宿", "catering", "restaurant", "hotel"],
  I: ["软件", "互联网", "信息技术", "it服务", "saas", "software", "internet"],
  J: ["金融", "银行", "保险", "证券", "基金", "bank", "insurance", "finance"],
  K: ["房地产", "地产", "物业", "real estate"],
  L: ["租赁", "咨询", "广告", "人力资源", "leasing", "consulting"],
  M: ["科研", "研究院", "检测", "research"],
  P: ["教育", "培训", "学校", "大学", "education", "training", "school"],
  Q: ["医疗", "医院", "诊所", "卫生", "养老", "health", "hospital", "medical"],
  R: ["文化", "体育", "娱乐", "传媒", "影视", "media", "sports"],
});
