import type { RawCell } from "../model/workbookModel";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../template/columns";
import { LANGS } from "../i18n/lang";
import { parseText } from "../model/parse";
import { contactGroupOf, contactKey } from "./contactGroups";

export type ImportKind = "customers" | "followups";

/**
 * Keys a source column can feed besides our own columns: `region` (地区 / 所在地) is split into
 * province and city; `matchPhone` only helps match a follow-up to its customer.
 */
export type VirtualKey = "region" | "matchPhone";

/**
 * Normalises a source header for matching: full-width forms folded (NFKC), case ignored, and
 * spaces, `*` and punctuation dropped, so `联系电话：`, `Tel.` and `E-mail` match their synonyms.
 * @example normalizeHeader(" 客户名称＊ ") // "客户名称"
 */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s*_\-—–·.,，。:：;；'"`()（）[\]【】/\\|!?！？#]/g, "");
}

/** Synonyms beyond our own headers (which are always recognised, in either language). */
const CUSTOMER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: ["客户编号", "客户id", "客户代码", "编号", "customerid", "customer no", "id"],
  name: ["公司名称", "单位名称", "企业名称", "客户", "客户全称", "公司", "公司全称", "company", "company name", "account", "account name"],
  shortName: ["简称", "公司简称", "客户简称", "short name"],
  type: ["客户类型", "类型", "客户类别", "type"],
  value: ["客户价值", "客户层级", "价值", "tier"],
  industry: ["行业", "行业类别", "所属行业", "行业分类", "industry"],
  subIndustry: ["细分行业", "子行业", "sub industry"],
  size: ["企业规模", "规模", "公司规模", "人数", "员工人数", "size", "employees", "headcount"],
  province: ["省份", "省", "所在省份", "province", "state"],
  city: ["城市", "市", "所在城市", "city"],
  source: ["来源", "渠道", "线索来源", "客户来源", "获客渠道", "source", "lead source", "channel"],
  sourceDetail: ["来源明细", "渠道明细", "来源说明"],
  contact: ["联系人姓名", "姓名", "对接人", "联系人", "contact", "contact name", "contact person"],
  title: ["职位", "职务", "title", "position", "job title"],
  role: ["联系人角色", "角色", "role"],
  phone: ["手机", "手机号", "手机号码", "电话", "联系方式", "联系电话", "电话号码", "tel", "mobile", "phone", "telephone", "mobile phone"],
  wechat: ["微信", "微信号", "wechat", "weixin"],
  email: ["邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"],
  need: ["核心需求", "需求", "客户需求", "need", "needs"],
  amount: ["预算", "金额", "预计金额", "预算范围", "预算金额", "商机金额", "budget", "amount", "deal size", "deal value"],
  closeDate: ["预计成交日期", "预计成交时间", "预计签约日期", "close date", "expected close"],
  fit: ["匹配度", "fit"],
  intent: ["合作意向", "意向", "意向度", "意向程度", "intent", "interest"],
  stage: ["阶段", "状态", "销售阶段", "跟进阶段", "客户阶段", "当前阶段", "stage", "status", "sales stage"],
  competitor: ["竞争对手", "竞品", "competitor"],
  wonDate: ["成交日期", "签约日期", "成交时间", "won date"],
  wonAmount: ["成交金额", "签约金额", "合同金额", "won amount"],
  lostReason: ["输单原因", "流失原因", "输单/流失原因", "lost reason"],
  tags: ["客户标签", "标签", "tags", "tag"],
  owner: ["业务员", "销售", "跟进人", "负责人", "销售负责人", "销售人员", "归属人", "owner", "sales rep", "salesperson"],
  created: ["录入日期", "创建日期", "建档时间", "建档日期", "创建时间", "录入时间", "created", "created date", "date created"],
  gradeOverride: ["人工等级", "manual grade"],
  notes: ["备注", "说明", "备注信息", "notes", "note", "remarks", "comment", "comments"],
  region: ["地区", "所在地", "所在地区", "区域", "地址", "所在城市省份", "region", "location"],
};

const FOLLOWUP_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  date: ["日期", "跟进日期", "跟进时间", "拜访日期", "沟通日期", "时间", "date", "follow up date"],
  customerId: ["客户编号", "客户id", "编号", "customer id", "customer no"],
  customerName: ["客户名称", "公司名称", "单位名称", "企业名称", "客户", "客户全称", "company", "customer", "customer name"],
  matchPhone: ["手机", "手机号", "电话", "联系电话", "联系方式", "tel", "mobile", "phone"],
  by: ["跟进人", "业务员", "销售", "负责人", "销售人员", "by", "sales rep", "owner"],
  method: ["跟进方式", "方式", "沟通方式", "联系方式类型", "method", "channel"],
  summary: ["沟通内容摘要", "跟进内容", "沟通内容", "内容", "摘要", "跟进记录", "summary", "notes", "content"],
  feedback: ["客户反馈", "反馈", "feedback"],
  nextStep: ["下一步计划", "下一步", "后续计划", "next step", "next steps"],
  nextDate: ["下次跟进日期", "下次跟进", "下次跟进时间", "next follow up", "next follow up date", "next date"],
  stageChange: ["阶段更新", "阶段", "阶段变化", "stage", "stage change"],
};

/** Our columns an import may write (derived columns are ours to compute, not to import). */
export function targetColumns(kind: ImportKind): readonly ColumnDef[] {
  return kind === "customers" ? CUSTOMER_COLUMNS.filter((c) => !c.derived) : FOLLOWUP_COLUMNS.filter((c) => !c.derived || c.key === "customerName");
}

const LEXICON = new Map<ImportKind, Map<string, string>>();

/** Normalised header → key, for one kind: our headers in both languages, then the synonyms. */
export function lexicon(kind: ImportKind): ReadonlyMap<string, string> {
  let m = LEXICON.get(kind);
  if (m) return m;
  m = new Map();
  for (const c of targetColumns(kind)) for (const l of LANGS) m.set(normalizeHeader(c.header[l]), c.key);
  const syn = kind === "customers" ? CUSTOMER_SYNONYMS : FOLLOWUP_SYNONYMS;
  for (const [key, words] of Object.entries(syn)) for (const w of words) if (!m.has(normalizeHeader(w))) m.set(normalizeHeader(w), key);
  LEXICON.set(kind, m);
  return m;
}

/**
 * The key a header names: our headers and synonyms first, then (for customers) a numbered contact
 * group's field — `contact2.phone` for 电话2, the customer's own key for 联系人1.
 * @example headerKey("customers", normalizeHeader("Phone 2")) // "contact2.phone"
 */
export function headerKey(kind: ImportKind, normalized: string): string | null {
  const hit = lexicon(kind).get(normalized);
  if (hit) return hit;
  if (kind !== "customers") return null;
  const g = contactGroupOf(normalized);
  return g ? contactKey(g) : null;
}

/** The key a target named on `--map` (our header in either language, a synonym, or a key) stands for. */
export function targetKey(kind: ImportKind, name: string): string | null {
  const n = normalizeHeader(name);
  // The page names its virtual targets by key.
  if (kind === "customers" && n === "region") return "region";
  if (kind === "followups" && n === "matchphone") return "matchPhone";
  const hit = headerKey(kind, n);
  if (hit) return hit;
  const byKey = targetColumns(kind).find((c) => c.key.toLowerCase() === n);
  return byKey ? byKey.key : null;
}

/** How each source column is used: one of our keys, or kept as the user's own column under its header. */
export type ColumnUse =
  | { readonly kind: "ours"; readonly key: string }
  | { readonly kind: "user"; readonly header: string };

export interface SourceHeader {
  /** 0-based index of the header row among the source's rows. */
  readonly rowIndex: number;
  readonly headers: readonly string[];
  readonly uses: readonly ColumnUse[];
}

function texts(row: readonly RawCell[]): string[] {
  return row.map((c) => parseText(c));
}

function recognised(kind: ImportKind, row: readonly RawCell[]): { keys: number; filled: number } {
  const keys = new Set<string>();
  let filled = 0;
  for (const t of texts(row)) {
    if (t === "") continue;
    filled++;
    const k = headerKey(kind, normalizeHeader(t));
    if (k) keys.add(k);
  }
  return { keys: keys.size, filled };
}

/** The header is looked for within the first rows, under any title rows. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row: the row among the first 10 that names the most of our columns, the
 * earliest on a tie, so a merged 「2025年客户名单」 title row above it is skipped. A row must name
 * two of our columns — or be a one-column list whose only header is ours (a plain list of names).
 * @example findHeaderRow("customers", [["2025年客户名单"], ["公司名称", "手机"]]) // 1
 */
export function findHeaderRow(kind: ImportKind, rows: ReadonlyArray<readonly RawCell[]>): number | null {
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.length); i++) {
    const r = recognised(kind, rows[i] ?? []);
    const acceptable = r.keys >= 2 || (r.keys === 1 && r.filled === 1);
    if (acceptable && r.keys > bestCount) {
      best = i;
      bestCount = r.keys;
    }
  }
  return best < 0 ? null : best;
}

export class MappingError extends Error {
  constructor(readonly code: "noHeader" | "unknownSourceColumn" | "unknownTarget", readonly value: string) {
    super(`${code}: ${value}`);
    this.name = "MappingError";
  }
}

/** `源列=目标列`; an empty target keeps the column as the user's own. */
export interface MapOverride {
  readonly source: string;
  readonly target: string;
}

/**
 * Decides what each source column feeds. Overrides win; then synonyms; the first column for a key
 * wins and a later one for the same key is kept as the user's own column (nothing is lost).
 * Throws MappingError for an override naming a column the source does not have, or a target we do not know.
 */
export function mapColumns(kind: ImportKind, headers: readonly string[], overrides: readonly MapOverride[] = []): ColumnUse[] {
  const forced = new Map<number, ColumnUse>();
  for (const o of overrides) {
    const i = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(o.source));
    if (i < 0) throw new MappingError("unknownSourceColumn", o.source);
    if (o.target.trim() === "") {
      forced.set(i, { kind: "user", header: headers[i] as string });
      continue;
    }
    const key = targetKey(kind, o.target);
    if (!key) throw new MappingError("unknownTarget", o.target);
    forced.set(i, { kind: "ours", key });
  }
  const taken = new Set<string>();
  for (const u of forced.values()) if (u.kind === "ours") taken.add(u.key);
  return headers.map((h, i) => {
    const f = forced.get(i);
    if (f) return f;
    const key = headerKey(kind, normalizeHeader(h));
    if (key && !taken.has(key)) {
      taken.add(key);
      return { kind: "ours", key };
    }
    return { kind: "user", header: h.trim() === "" ? columnName(i) : h.trim() };
  });
}

/** A header-less column gets a name the user can find: 列F / Column F is left to the report; here its letter. */
function columnName(i: number): string {
  let s = "";
  let x = i + 1;
  while (x > 0) {
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    x = Math.floor((x - 1) / 26);
  }
  return `(${s})`;
}

/** Header detection and mapping in one step. Throws MappingError("noHeader") when no row names two of our columns. */
export function readSourceHeader(kind: ImportKind, rows: ReadonlyArray<readonly RawCell[]>, overrides: readonly MapOverride[] = []): SourceHeader {
  const rowIndex = findHeaderRow(kind, rows);
  if (rowIndex === null) throw new MappingError("noHeader", "");
  const row = rows[rowIndex] ?? [];
  const width = Math.max(...rows.slice(rowIndex).map((r) => r.length), row.length);
  const headers = texts(row);
  while (headers.length < width) headers.push("");
  // Trailing header-less columns with nothing under them are not columns at all.
  while (headers.length > 0 && headers[headers.length - 1] === "" && rows.slice(rowIndex + 1).every((r) => parseText(r[headers.length - 1] ?? null) === "")) headers.pop();
  return { rowIndex, headers, uses: mapColumns(kind, headers, overrides) };
}
