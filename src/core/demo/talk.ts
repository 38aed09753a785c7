import type { Texts } from "../i18n/lang";
import { entryKey, listDef } from "../template/lists";
import { demoList, demoText, demoTextIfAny, pairedList } from "./words";

/** The follow-up methods, in the Lists sheet's order. */
export const METHOD_KEYS = ["phone", "visit", "customerVisit", "email", "meeting", "wechat", "wecom", "other"] as const;
export type MethodKey = (typeof METHOD_KEYS)[number];

/** Where in a deal a follow-up happens: the open stages, the signing, after-sales, and the endings. */
export type TouchStage = "attempt" | "contacted" | "qualified" | "proposal" | "negotiation" | "won" | "afterSales" | "lost" | "churned" | "invalid";

/**
 * One thing a rep did, written so the summary names its channel: a 上门拜访 visits, an 邮件 sends.
 * `{p}` stands for the product the customer's industry buys.
 */
export interface Line {
  readonly method: MethodKey;
  readonly text: Texts;
}

/**
 * The channel of each thing a rep does at a stage, in the order of the catalogue's `talk.<stage>.<n>`
 * texts (the first `contacted` one is a phone call, the fourth a visit). A lost deal's first three
 * say how it was lost: to a rival, put on hold, a polite no (story.ts picks them by the lost reason).
 */
const METHODS: Readonly<Record<TouchStage, readonly MethodKey[]>> = {
  attempt: ["phone", "wechat"],
  contacted: ["phone", "phone", "wechat", "visit", "email"],
  qualified: ["visit", "meeting", "phone", "customerVisit", "wecom"],
  proposal: ["email", "meeting", "visit", "wechat", "phone"],
  negotiation: ["visit", "phone", "email", "meeting", "customerVisit"],
  won: ["visit", "email", "customerVisit"],
  afterSales: ["phone", "visit", "wecom", "wechat", "meeting"],
  lost: ["phone", "wechat", "email"],
  churned: ["phone", "visit"],
  invalid: ["phone", "phone"],
};
const TOUCH_STAGES = Object.keys(METHODS) as TouchStage[];
const byStage = <T>(f: (stage: TouchStage) => T): Readonly<Record<TouchStage, T>> =>
  Object.fromEntries(TOUCH_STAGES.map((s) => [s, f(s)])) as Record<TouchStage, T>;

export const LINES: Readonly<Record<TouchStage, readonly Line[]>> = byStage((stage) =>
  pairedList(`talk.${stage}`, METHODS[stage]).map(([method, text]) => ({ method, text })),
);

/** The vague one-liners a rep falling behind writes (the Guide asks for better), for the methods the catalogue has one for. */
export const TERSE: Partial<Readonly<Record<MethodKey, Texts>>> = Object.fromEntries(
  METHOD_KEYS.flatMap((m) => {
    const t = demoTextIfAny(`terse.${m}`);
    return t ? [[m, t] as const] : [];
  }),
);

/** What the customer said (`feedback.<stage>.<n>`); a lost deal's first is a rival's price, its second a budget stop. */
export const FEEDBACK: Readonly<Record<TouchStage, readonly Texts[]>> = byStage((stage) => demoList(`feedback.${stage}`));

export const NEXT_STEPS: Readonly<Record<TouchStage, readonly Texts[]>> = byStage((stage) => demoList(`nextStep.${stage}`));

/** Extra words for the Notes and Tags columns. */
export const TAGS = {
  highIntent: demoText("tag.highIntent"),
  priceSensitive: demoText("tag.priceSensitive"),
  techFirst: demoText("tag.techFirst"),
  referral: demoText("tag.referral"),
} as const;

export const NOTES = {
  noContact: demoText("note.noContact"),
  renewal: demoText("note.renewal"),
} as const;

/**
 * Source details: what a rep writes next to the lead source, by the source's index in the Lists
 * sheet, for the sources the catalogue has a `sourceDetail.<source>` for. `{show}` is the industry's
 * trade show, `{year}` the year, `{p}` the product.
 */
export const SOURCE_DETAILS: Readonly<Record<number, Texts>> = Object.fromEntries(
  listDef("source").entries.flatMap((e, i) => {
    const t = demoTextIfAny(`sourceDetail.${entryKey(e)}`);
    return t ? [[i, t] as const] : [];
  }),
);
