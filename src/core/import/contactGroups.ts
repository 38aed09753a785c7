/**
 * Numbered contact groups in a source's headers: 联系人2 / 电话2 / 职位2, 第二联系人, 联系人(2)电话,
 * Contact 2 / Phone 2 / Second contact phone … Group 1 is the customer row's own contact; groups 2
 * and up go to the 联系人 / Contacts table. Headers arrive here already through normalizeHeader
 * (NFKC: full-width digits are digits; case, spaces and brackets gone).
 */
import type { ColumnUse } from "./headers";

/** The Contacts columns a source group can feed. */
export type ContactField = "name" | "title" | "role" | "phone" | "email" | "wechat";
export const CONTACT_FIELDS: readonly ContactField[] = ["name", "title", "role", "phone", "email", "wechat"];

/** The customer-row key group 1 stands for. */
const MAIN_KEY: Readonly<Record<ContactField, string>> = { name: "contact", title: "title", role: "role", phone: "phone", email: "email", wechat: "wechat" };

/** Words (normalised) that name a field, with or without a 联系人 / contact in front. */
const FIELD_WORDS: Readonly<Record<ContactField, readonly string[]>> = {
  name: ["联系人", "联系人姓名", "联系人名称", "姓名", "对接人", "contact", "contactname", "contactperson", "name"],
  title: ["职位", "职务", "联系人职位", "联系人职务", "title", "position", "jobtitle", "contacttitle"],
  role: ["角色", "联系人角色", "role", "contactrole"],
  phone: ["电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系方式", "联系人电话", "联系人手机", "tel", "mobile", "phone", "telephone", "mobilephone", "contactphone", "contactmobile"],
  email: ["邮箱", "电子邮箱", "电子邮件", "联系人邮箱", "email", "mail", "contactemail"],
  wechat: ["微信", "微信号", "联系人微信", "wechat", "weixin", "contactwechat"],
};

const FIELD_OF = new Map<string, ContactField>();
for (const f of CONTACT_FIELDS) for (const w of FIELD_WORDS[f]) FIELD_OF.set(w, f);

/** The largest group number read: beyond it a header is more likely a number than a group. */
export const MAX_CONTACT_GROUP = 999;

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };

/**
 * A Chinese numeral up to 99 (二, 十, 十二, 二十三), or null.
 * @example chineseNumber("十二") // 12
 */
export function chineseNumber(s: string): number | null {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return null;
  const [, a, ten, b] = m;
  if (!ten) return b ? null : CN_DIGITS[a as string] ?? null;
  return (a ? (CN_DIGITS[a] as number) : 1) * 10 + (b ? (CN_DIGITS[b] as number) : 0);
}

function groupNumber(s: string): number | null {
  const n = /^\d{1,3}$/.test(s) ? Number(s) : chineseNumber(s);
  return n !== null && n >= 1 && n <= MAX_CONTACT_GROUP ? n : null;
}

/** The field a header's rest names: nothing after 联系人 / contact is the name. */
function fieldOfRest(rest: string): ContactField | null {
  if (rest === "") return "name";
  return FIELD_OF.get(rest) ?? FIELD_OF.get(`联系人${rest}`) ?? FIELD_OF.get(`contact${rest}`) ?? null;
}

export interface ContactGroupRef {
  readonly group: number;
  readonly field: ContactField;
}

const NUM = "(\\d{1,3}|[一二两三四五六七八九十]{1,3})";
const PATTERNS: ReadonlyArray<{ re: RegExp; num: number; rest: number | null; base: number | null }> = [
  // 第二联系人, 第2个联系人电话, 第三位联系人手机
  { re: new RegExp(`^第${NUM}[个位名]?联系人(.*)$`), num: 1, rest: 2, base: null },
  // 联系人2, 联系人(2)电话 (brackets already gone), 联系人二职位
  { re: new RegExp(`^联系人${NUM}(.*)$`), num: 1, rest: 2, base: null },
  // contact 2, contact 2 phone
  { re: /^contact(\d{1,3})(.*)$/, num: 1, rest: 2, base: null },
  // second contact, 2nd contact phone
  { re: /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))contact(.*)$/, num: 1, rest: 2, base: null },
  // 电话2, 职位二, phone 2, contact phone 2, 联系人电话2
  { re: new RegExp(`^(.+?)${NUM}$`), num: 2, rest: null, base: 1 },
];

/**
 * The contact group and field a normalised header names, or null.
 * @example contactGroupOf("电话2") // { group: 2, field: "phone" }
 * @example contactGroupOf("第二联系人") // { group: 2, field: "name" }
 * @example contactGroupOf("contact3phone") // { group: 3, field: "phone" }
 */
export function contactGroupOf(normalized: string): ContactGroupRef | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(normalized);
    if (!m) continue;
    const raw = m[p.num] as string;
    const group = EN_ORDINALS[raw] ?? groupNumber(raw.replace(/(?:st|nd|rd|th)$/, ""));
    if (group === null || group === undefined) continue;
    // A Chinese numeral only after a Chinese word (「phone二」 is no header anyone writes).
    if (p.base !== null && !/^\d/.test(raw) && !/[\u4e00-\u9fff]$/.test(m[p.base] as string)) continue;
    const field = p.rest !== null ? fieldOfRest(m[p.rest] as string) : (FIELD_OF.get(m[p.base as number] as string) ?? null);
    if (field) return { group, field };
  }
  return null;
}

/**
 * The import key of a contact group's field: `contact<N>.<field>` for N ≥ 2, the customer row's own
 * key for group 1.
 * @example contactKey({ group: 2, field: "phone" }) // "contact2.phone"
 * @example contactKey({ group: 1, field: "name" }) // "contact"
 */
export function contactKey(ref: ContactGroupRef): string {
  return ref.group === 1 ? MAIN_KEY[ref.field] : `contact${ref.group}.${ref.field}`;
}

/**
 * The group a `contact<N>.<field>` key stands for; null for any other key.
 * @example parseContactKey("contact2.phone") // { group: 2, field: "phone" }
 */
export function parseContactKey(key: string): ContactGroupRef | null {
  const m = /^contact(\d+)\.(name|title|role|phone|email|wechat)$/.exec(key);
  return m ? { group: Number(m[1]), field: m[2] as ContactField } : null;
}

/** Whether a key feeds the Contacts table rather than the customer row. */
export const isContactKey = (key: string): boolean => parseContactKey(key) !== null;

/** Whether a source's columns carry numbered contact groups (联系人2, 电话2 …). */
export function hasContactGroups(uses: readonly ColumnUse[]): boolean {
  return uses.some((u) => u.kind === "ours" && isContactKey(u.key));
}
