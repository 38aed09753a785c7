import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import { BLANK, date, num, text, type PlanValue } from "../core/plan/plan";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../core/template/columns";
import { listDef, STAGES, LEVELS, TIERS, type ListKey } from "../core/template/lists";

/** A small seeded PRNG (mulberry32): the same seed always gives the same sample workbook. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["上海", "北京", "深圳", "广州", "杭州", "苏州", "成都", "武汉", "南京", "宁波", "青岛", "东莞", "佛山", "合肥", "西安", "长沙", "厦门", "无锡", "天津", "重庆"];
const BRANDS = ["明远", "华睿", "恒通", "鼎盛", "嘉禾", "瑞丰", "博远", "中科", "海纳", "金诚", "盛世", "新越", "天择", "宏图", "汇智", "卓越", "安捷", "启航", "正泰", "远景", "云栖", "同创", "凯瑞", "万象", "德邦"];
const TRADES: ReadonlyArray<[string, number]> = [
  ["精密机械", 2], ["电子科技", 8], ["餐饮管理", 7], ["商贸", 5], ["物流", 6], ["建设工程", 4], ["软件技术", 8], ["医疗器械", 2], ["教育科技", 15], ["新材料", 2],
  ["食品", 2], ["环保科技", 13], ["信息技术", 8], ["供应链管理", 5], ["智能装备", 2], ["文化传媒", 17], ["置业", 10], ["包装", 2], ["汽车零部件", 2], ["生物科技", 12],
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"];
const TITLES = ["总经理", "采购经理", "技术负责人", "运营总监", "IT经理", "财务总监", "行政主管"];
const OWNERS = ["张伟", "李娜", "王强", "刘洋", "陈静"];
const NEEDS = ["降低生产成本,计划3个月内采购设备", "提升外卖订单效率,预算20-30万", "替换现有CRM系统,预算确认中", "门店数字化改造,分两期实施", "仓储自动化改造", "年度培训服务采购", "定制化生产设备采购与技术支持"];
const SUMMARIES = ["电话沟通需求,客户关注交付周期", "上门演示产品,客户关注订单量统计模块", "发送报价单,客户需内部评审", "线上会议讨论方案细节", "微信跟进,确认预算", "客户来访参观工厂", "邮件发送3个同行案例"];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}
function label(e: { zh: string; en: string }, lang: Lang): string {
  return lang === "zh-CN" ? e.zh : e.en;
}
function listLabel(key: ListKey, index: number, lang: Lang): string {
  const l = listDef(key).entries[index];
  return l ? label(l, lang) : "";
}

export interface SampleOptions {
  readonly customers: number;
  readonly followUpsPerCustomer: number;
  readonly today: DayNumber;
  readonly lang: Lang;
  readonly seed?: number;
  /** Spread of dates, in days before today (three years for the benchmark). */
  readonly spanDays?: number;
}

/**
 * Realistic sample customers and follow-ups as typed plan rows in template column order:
 * Chinese company names, industries, provinces, amounts, stages, contacts and a history of contacts.
 */
export function sampleRows(o: SampleOptions): { customers: PlanValue[][]; followUps: PlanValue[][] } {
  const r = rng(o.seed ?? 20260501);
  const span = o.spanDays ?? 240;
  const stageKeys = Object.keys(STAGES) as Array<keyof typeof STAGES>;
  const stageWeights = [14, 16, 14, 10, 8, 14, 10, 6, 4, 4];
  const stageOf = () => {
    let x = r() * stageWeights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < stageKeys.length; i++) {
      x -= stageWeights[i] as number;
      if (x < 0) return stageKeys[i] as keyof typeof STAGES;
    }
    return "lead" as const;
  };
  const customers: PlanValue[][] = [];
  const followUps: PlanValue[][] = [];
  const seqByMonth = new Map<string, number>();
  for (let i = 0; i < o.customers; i++) {
    const created = (o.today - Math.floor(r() * span) - 5) as DayNumber;
    const [trade, industryIndex] = pick(r, TRADES);
    const city = pick(r, CITIES);
    const name = `${city}${pick(r, BRANDS)}${trade}有限公司`;
    const stage = stageOf();
    const d = new Date(Date.UTC(1899, 11, 30 + created));
    const month = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    const seq = (seqByMonth.get(month) ?? 0) + 1;
    seqByMonth.set(month, seq);
    const id = `KH-${month}-${String(seq).padStart(3, "0")}`;
    const amount = Math.round((r() < 0.15 ? 500000 + r() * 2_000_000 : 20000 + r() * 480000) / 1000) * 1000;
    const phone = `1${pick(r, ["38", "39", "58", "86", "37", "50"])}${String(Math.floor(r() * 1e8)).padStart(8, "0")}`;
    const values: Record<string, PlanValue> = {
      id: text(id), name: text(name), shortName: text(name.slice(2, 4)),
      type: text(listLabel("customerType", r() < 0.85 ? 0 : 2, o.lang)),
      value: text(label(pick(r, [TIERS.standard, TIERS.standard, TIERS.standard, TIERS.key, TIERS.key, TIERS.strategic]), o.lang)),
      industry: text(listLabel("industry", industryIndex, o.lang)), subIndustry: text(trade),
      size: text(listLabel("size", Math.floor(r() * 5), o.lang)),
      province: text(listLabel("province", Math.floor(r() * 34), o.lang)), city: text(city),
      source: text(listLabel("source", Math.floor(r() * 13), o.lang)),
      contact: text(`${pick(r, SURNAMES)}${r() < 0.5 ? "经理" : "总"}`), title: text(pick(r, TITLES)),
      role: text(listLabel("role", Math.floor(r() * 5), o.lang)), phone: r() < 0.9 ? text(phone) : BLANK,
      wechat: r() < 0.4 ? text(`wx_${Math.floor(r() * 1e6)}`) : BLANK,
      email: r() < 0.5 ? text(`contact${i}@example.cn`) : BLANK,
      need: text(pick(r, NEEDS)), amount: r() < 0.85 ? num(amount) : BLANK,
      closeDate: r() < 0.75 ? date(o.today + Math.floor(r() * 150) - 15) : BLANK,
      fit: r() < 0.85 ? text(label(pick(r, Object.values(LEVELS)), o.lang)) : BLANK,
      intent: r() < 0.85 ? text(label(pick(r, Object.values(LEVELS)), o.lang)) : BLANK,
      stage: text(label(STAGES[stage], o.lang)), owner: text(pick(r, OWNERS)), created: date(created),
      wonDate: stage === "won" || stage === "afterSales" ? date(created + Math.floor(r() * 60)) : BLANK,
      lostReason: stage === "lost" || stage === "churned" ? text(listLabel("lostReason", Math.floor(r() * 7), o.lang)) : BLANK,
    };
    customers.push(CUSTOMER_COLUMNS.map((c) => values[c.key] ?? BLANK));
    // Some customers went quiet long ago: they are the dormant ones.
    const n = Math.floor(r() * (o.followUpsPerCustomer * 2 + 1));
    const quiet = r() < 0.12 ? 190 + Math.floor(r() * 200) : 0;
    for (let k = 0; k < n; k++) {
      const when = Math.min(o.today - quiet, created + Math.floor(r() * Math.max(1, o.today - quiet - created)));
      if (when < created) continue;
      const fu: Record<string, PlanValue> = {
        date: date(when), customerId: text(id), customerName: text(name), by: values.owner ?? BLANK,
        method: text(listLabel("method", Math.floor(r() * 8), o.lang)), summary: text(pick(r, SUMMARIES)),
        feedback: r() < 0.5 ? text("需内部评审,下周回复") : BLANK, nextStep: r() < 0.5 ? text("发送案例与报价") : BLANK,
        nextDate: r() < 0.3 ? date(when + 3 + Math.floor(r() * 10)) : BLANK,
      };
      followUps.push(FOLLOWUP_COLUMNS.map((c) => fu[c.key] ?? BLANK));
    }
  }
  followUps.sort((a, b) => ((a[0]?.kind === "date" ? a[0].day : 0) - (b[0]?.kind === "date" ? b[0].day : 0)));
  return { customers, followUps };
}
