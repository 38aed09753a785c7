import type { ComplaintStatus, ValueTier } from "../types";

/**
 * Every word the health rules render, per language. Templates carry `{name}` placeholders filled by
 * `fill`, so a catalogue stays plain data.
 */
export interface HealthCatalogue {
  readonly tier: Readonly<Record<ValueTier, string>>;
  /** Seed 000's strategy per tier: the suggested next action on the card and in the Guide. */
  readonly strategy: Readonly<Record<ValueTier, string>>;
  readonly fact: {
    readonly complaints: string;
    readonly late: string;
    readonly lowIntentWon: string;
    readonly wonAmount: string;
    readonly strategic: string;
    readonly pipeline: string;
    readonly dormant: string;
  };
  readonly reason: {
    /** `{tier}` and `{facts}`. */
    readonly head: string;
    /** `{tiers}`: the other tiers that also apply. */
    readonly also: string;
    readonly factSep: string;
    readonly listSep: string;
    readonly standard: string;
  };
  readonly complaintStatus: Readonly<Record<ComplaintStatus, string>>;
  /** The Guide's section; `{…}` are Rules values and sheet names. */
  readonly guide: {
    readonly heading: string;
    readonly intro: string;
    /** `{tier}`, `{when}`, `{strategy}`. */
    readonly tierLine: string;
    readonly when: Readonly<Record<ValueTier, string>>;
    readonly complaints: string;
    readonly derived: { readonly valueTier: string; readonly tierReason: string; readonly customerName: string; readonly slaStatus: string };
  };
}

/** Replaces `{name}` with its value. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
