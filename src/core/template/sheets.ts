import { perLang, LANGS, type Lang, type Texts } from "../i18n/lang";
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
const sheetWords = (key: keyof Catalogue["sheets"] & string): Texts => perLang((l) => say(l, "sheets", key));

export const SHEETS: Readonly<Record<SheetKey, SheetDef>> = {
  customers: { key: "customers", name: sheetWords("customers"), table: "CRM_Customers" },
  followUps: { key: "followUps", name: sheetWords("followUps"), table: "CRM_FollowUps" },
  contacts: { key: "contacts", name: sheetWords("contacts"), table: "CRM_Contacts" },
  complaints: { key: "complaints", name: sheetWords("complaints"), table: "CRM_Complaints" },
  rules: { key: "rules", name: sheetWords("rules"), table: "CRM_Rules" },
  lists: { key: "lists", name: sheetWords("lists"), hidden: true },
  guide: { key: "guide", name: sheetWords("guide") },
  audit: { key: "audit", name: sheetWords("audit"), table: "CRM_Audit", hidden: true },
};

export const RULES_COLUMNS = {
  setting: sheetWords("rules.setting"),
  value: sheetWords("rules.value"),
  note: sheetWords("rules.note"),
} as const;

export const AUDIT_COLUMNS = {
  time: sheetWords("audit.time"),
  user: sheetWords("audit.user"),
  action: sheetWords("audit.action"),
  target: sheetWords("audit.target"),
  cells: sheetWords("audit.cells"),
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
