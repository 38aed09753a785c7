import { LANGS, type Lang, type Texts } from "../i18n/lang";
import { say, type Catalogue } from "../i18n/catalogue";

/**
 * 2: customer pool (Rules rows, Days to release), Contacts table, Spoke with on Follow-ups.
 * 3: value tiers on Customers, the Complaints sheet and its Rules rows.
 */
export const TEMPLATE_VERSION = 3;

export type SheetKey = "customers" | "followUps" | "contacts" | "complaints" | "rules" | "lists" | "guide" | "audit";

export interface SheetDef {
  readonly key: SheetKey;
  readonly name: Texts;
  /** Table name (ASCII, language-independent so formulas and code find it in either workbook). */
  readonly table?: string;
  readonly hidden?: boolean;
}

/** A text in every shipped language, from the catalogues' "sheets" section. */
const perLang = (key: keyof Catalogue["sheets"] & string): Texts =>
  Object.fromEntries(LANGS.map((l) => [l, say(l, "sheets", key)])) as Record<Lang, string>;

export const SHEETS: Readonly<Record<SheetKey, SheetDef>> = {
  customers: { key: "customers", name: perLang("customers"), table: "CRM_Customers" },
  followUps: { key: "followUps", name: perLang("followUps"), table: "CRM_FollowUps" },
  contacts: { key: "contacts", name: perLang("contacts"), table: "CRM_Contacts" },
  complaints: { key: "complaints", name: perLang("complaints"), table: "CRM_Complaints" },
  rules: { key: "rules", name: perLang("rules"), table: "CRM_Rules" },
  lists: { key: "lists", name: perLang("lists"), hidden: true },
  guide: { key: "guide", name: perLang("guide") },
  audit: { key: "audit", name: perLang("audit"), table: "CRM_Audit", hidden: true },
};

export const RULES_COLUMNS = {
  setting: perLang("rules.setting"),
  value: perLang("rules.value"),
  note: perLang("rules.note"),
} as const;

export const AUDIT_COLUMNS = {
  time: perLang("audit.time"),
  user: perLang("audit.user"),
  action: perLang("audit.action"),
  target: perLang("audit.target"),
  cells: perLang("audit.cells"),
} as const;

/** Which of our sheets a worksheet name is, in either language. */
export function sheetKeyOf(name: string): SheetKey | null {
  const n = name.trim().toLowerCase();
  // Every shipped language's name is recognised, case-insensitively (a no-op for Chinese).
  for (const def of Object.values(SHEETS)) if (LANGS.some((l) => def.name[l].toLowerCase() === n)) return def.key;
  return null;
}

export function sheetName(key: SheetKey, lang: Lang): string {
  return SHEETS[key].name[lang];
}
