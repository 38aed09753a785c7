import type { Lang, Texts } from "../i18n/lang";
import type { SheetKey } from "../template/sheets";
import type { PlanValue } from "./plan";
import type { GuideRow } from "../template/guide";

export type ValidationRule =
  | { readonly kind: "list"; readonly source: string }
  | { readonly kind: "date"; readonly min: number; readonly max: number }
  | { readonly kind: "decimal"; readonly min: number; readonly max: number }
  | { readonly kind: "whole"; readonly min: number; readonly max: number }
  | { readonly kind: "textLength"; readonly min: number; readonly max: number }
  | { readonly kind: "custom"; readonly formula: string }
  /** No rule, only the input prompt (free-text columns still guide a newcomer). */
  | { readonly kind: "any" };

export interface ValidationSpec {
  readonly sheet: SheetKey;
  /** A1 range on that sheet, e.g. `F2:F1048576`. */
  readonly range: string;
  readonly rule: ValidationRule;
  readonly prompt: { readonly title: string; readonly text: string } | null;
  readonly error: { readonly title: string; readonly text: string; readonly style: "stop" | "warning" } | null;
}

export interface ConditionalFormatSpec {
  readonly sheet: SheetKey;
  readonly range: string;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
  readonly purpose: "overdue" | "dormant" | "complaintLate" | "release";
}

export interface NameSpec {
  readonly name: string;
  /** What the name refers to, as a formula starting with `=`. */
  readonly formula: string;
}

export interface TableSpec {
  readonly sheet: SheetKey;
  readonly name: string;
  /** 1-based row and column of the header's first cell. */
  readonly row: number;
  readonly column: number;
  readonly headers: readonly string[];
  /** Data rows (at least one: a table needs a body). */
  readonly rows: ReadonlyArray<readonly PlanValue[]>;
  readonly numberFormats: readonly string[];
  readonly widths: readonly number[];
  /** Columns the product writes (shaded). */
  readonly derived: readonly boolean[];
  /** Formula filled down a column as Excel's calculated column, `{row}` standing for the row number. */
  readonly calculated: ReadonlyArray<string | null>;
}

export interface SheetSpec {
  readonly key: SheetKey;
  readonly name: string;
  readonly hidden: boolean;
  readonly tables: readonly TableSpec[];
  readonly guide: readonly GuideRow[] | null;
  readonly freezeHeader: boolean;
}

/** Everything an install writes, for either door. */
export interface InstallPlan {
  readonly lang: Lang;
  readonly version: number;
  readonly sheets: readonly SheetSpec[];
  readonly validations: readonly ValidationSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly names: readonly NameSpec[];
}

export const COLORS = {
  header: "#1F4E78",
  headerFont: "#FFFFFF",
  derivedHeader: "#595959",
  derivedFill: "#F2F2F2",
  overdueFill: "#FFC7CE",
  overdueFont: "#9C0006",
  dormantFill: "#D9D9D9",
  dormantFont: "#595959",
} as const;

export type { Texts };
