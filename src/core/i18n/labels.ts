import type { Texts } from "./lang";
import type { Status } from "../followup/derive";
import { CATALOGUES } from "./catalogue";

const both = (pick: (c: (typeof CATALOGUES)["en-US"]) => string): Texts => ({ "zh-CN": pick(CATALOGUES["zh-CN"]), "en-US": pick(CATALOGUES["en-US"]) });

/** Status words in every language at once: the Status formula and its readers must know them all. */
export const STATUS_LABELS: Readonly<Record<Status, Texts>> = {
  ok: both((c) => c.status.ok),
  overdue: both((c) => c.status.overdue),
  dormant: both((c) => c.status.dormant),
  closed: both((c) => c.status.closed),
};

export const GRADE_LABELS = {
  toAssess: both((c) => c.grade.toAssess),
} as const;
