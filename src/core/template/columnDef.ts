import type { Texts } from "../i18n/lang";
import { textsOf } from "../i18n/catalogue";
import type { ListKey } from "./lists";

/** How a column's cells are read, written and validated. */
export type ColumnType =
  | "id" // text, unique
  | "text"
  | "list" // dropdown fed by a list on the Lists sheet
  | "date"
  | "amount" // number ≥ 0, 万 / 亿 understood
  | "phone" // text, CN mobile or landline
  | "email"
  | "tags"
  | "number"; // derived counts and days

export interface ColumnDef {
  readonly key: string;
  readonly header: Texts;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly list?: ListKey;
  /** Column width in characters. */
  readonly width: number;
  /** Written by the product; every other column belongs to the user. */
  readonly derived?: boolean;
  /** Input prompt shown when the cell is selected: title ≤ 32, text ≤ 255 characters. */
  readonly prompt?: { readonly title: Texts; readonly text: Texts };
  /** Error alert when a typed value breaks the rule: ≤ 224 characters. */
  readonly error?: Texts;
  /** A dropdown whose alert only warns (names outside the team list are still accepted). */
  readonly warnOnly?: boolean;
  /** Overrides the type's number format. */
  readonly numberFormat?: string;
}

/** The tables whose columns we define; the first part of a column's catalogue key. */
export type ColumnTable = "customers" | "followups" | "contacts" | "complaints";

type ColumnOptions = Partial<Omit<ColumnDef, "key" | "header" | "type" | "width" | "prompt" | "error">> & {
  /** A prompt text built from the Rules' defaults (so it states the numbers in force), instead of the catalogue's. */
  readonly promptText?: Texts;
};

/** Makes a column of one table: key, type, width in characters, and what else it has. */
export type ColumnMaker = (key: string, type: ColumnType, width: number, options?: ColumnOptions) => ColumnDef;

/**
 * A column of one of our tables, its words from the catalogues' "columns" section: `<table>.<key>`
 * is the header; `.prompt` (titled `.title`, else the header) and `.error` are there when the column
 * has them. A missing header is a programming error, caught the first time the module loads.
 * @example columnOf("customers")("name", "text", 28).header["en-US"] === "Customer name"
 */
export function columnOf(table: ColumnTable): ColumnMaker {
  return (key, type, width, options = {}) => {
    const id = `${table}.${key}`;
    const header = textsOf("columns", id);
    if (!header) throw new Error(`no words for column ${id}`);
    const { promptText, ...rest } = options;
    const text = promptText ?? textsOf("columns", `${id}.prompt`);
    const error = textsOf("columns", `${id}.error`);
    return {
      key, header, type, width, ...rest,
      ...(text ? { prompt: { title: textsOf("columns", `${id}.title`) ?? header, text } } : {}),
      ...(error ? { error } : {}),
    };
  };
}
