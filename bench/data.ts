/** Seeded, realistic bench data as raw cell columns (no per-cell objects), for 1k to 100k customers. */
import type { RawCell } from "../src/core/model/workbookModel";
import { rng } from "../src/cli/sampleData";
import { listDef, STAGES, LEVELS } from "../src/core/template/lists";

export interface BenchData {
  readonly customers: Record<string, RawCell[]>;
  readonly followUps: Record<string, RawCell[]>;
}

const CITIES = ["上海", "北京", "深圳", "广州", "杭州", "苏州", "成都", "武汉", "南京", "宁波"];
const BRANDS = ["明远", "华睿", "恒通", "鼎盛", "嘉禾", "瑞丰", "博远", "中科", "海纳", "金诚", "盛世", "新越"];
const TRADES = ["精密机械", "电子科技", "餐饮管理", "商贸", "物流", "软件技术", "医疗器械", "教育科技", "新材料", "食品"];
const OWNERS = ["张伟", "李娜", "王强", "刘洋", "陈静"];
const SUMMARIES = ["电话沟通需求,客户关注交付周期", "上门演示产品", "发送报价单,客户需内部评审", "线上会议讨论方案细节", "微信跟进,确认预算"];

/** n customers with ~perCustomer follow-ups each, dates spread over three years before today. */
export function benchData(n: number, perCustomer: number, today: number, seed = 7): BenchData {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const stages = Object.values(STAGES).map((s) => s["zh-CN"]);
  const levels = Object.values(LEVELS).map((l) => l["zh-CN"]);
  const industries = listDef("industry").entries.map((e) => e["zh-CN"]);
  const c: Record<string, RawCell[]> = { id: [], name: [], industry: [], contact: [], phone: [], stage: [], owner: [], amount: [], closeDate: [], fit: [], intent: [], value: [], gradeOverride: [], created: [], status: [] };
  for (let i = 0; i < n; i++) {
    c.id!.push(`KH-${String(202300 + (i % 12) + 1)}-${String(i + 1).padStart(6, "0")}`);
    c.name!.push(`${pick(CITIES)}${pick(BRANDS)}${pick(TRADES)}有限公司${i}`);
    c.industry!.push(pick(industries));
    c.contact!.push("王经理");
    c.phone!.push(`138${String(Math.floor(r() * 1e8)).padStart(8, "0")}`);
    c.stage!.push(pick(stages));
    c.owner!.push(pick(OWNERS));
    c.amount!.push(r() < 0.85 ? Math.round(r() * 1_000_000) : null);
    c.closeDate!.push(r() < 0.75 ? today + Math.floor(r() * 200) - 30 : null);
    c.fit!.push(r() < 0.85 ? pick(levels) : null);
    c.intent!.push(r() < 0.85 ? pick(levels) : null);
    c.value!.push(r() < 0.05 ? "战略" : "普通");
    c.gradeOverride!.push(null);
    c.created!.push(today - Math.floor(r() * 1095) - 1);
    c.status!.push(null);
  }
  const f: Record<string, RawCell[]> = { date: [], customerId: [], by: [], method: [], summary: [], nextDate: [] };
  const total = n * perCustomer;
  const methods = listDef("method").entries.map((e) => e["zh-CN"]);
  for (let k = 0; k < total; k++) {
    const i = Math.floor(r() * n);
    const d = today - Math.floor(r() * 1095);
    f.date!.push(d);
    f.customerId!.push(c.id![i] ?? null);
    f.by!.push(pick(OWNERS));
    f.method!.push(pick(methods));
    f.summary!.push(pick(SUMMARIES));
    f.nextDate!.push(r() < 0.3 ? d + 3 + Math.floor(r() * 10) : null);
  }
  return { customers: c, followUps: f };
}
