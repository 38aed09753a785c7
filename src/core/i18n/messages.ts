import type { Lang } from "./lang";
import type { Issue } from "../issues/issue";
import type { Grade, GradeReason, DimensionScore } from "../grading/gradeCustomer";
import { LEVELS, entryLabel } from "../template/lists";
import { CATALOGUES, fill, say } from "./catalogue";

export function gradeLabel(g: Grade | null, lang: Lang): string {
  if (g === null) return "";
  return g === "toAssess" ? say(lang, "grade", "toAssess") : g;
}

const trim = (n: number) => String(Math.round(n * 100) / 100);

/** 200000 → 20万 / 200k; 120000000 → 1.2亿 / 120M: the scales are the language's own. */
export function formatAmountShort(amount: number, lang: Lang): string {
  const a = CATALOGUES[lang].amount;
  const big = Number(CATALOGUES[lang].settings.amountBigFrom);
  const mid = Number(CATALOGUES[lang].settings.amountMidFrom);
  if (Math.abs(amount) >= big) return fill(a.big, { n: trim(amount / big) });
  if (Math.abs(amount) >= mid) return fill(a.mid, { n: trim(amount / mid) });
  return fill(a.small, { n: trim(amount) });
}

/**
 * A whole amount with its thousands grouped, for texts that state a threshold.
 * @example groupedAmount(500000, "en-US") === "500,000"
 */
export function groupedAmount(amount: number, lang: Lang): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, CATALOGUES[lang].settings.amountGroupSeparator);
}

/**
 * A threshold as a text that states a rule writes it, in the language's own style.
 * @example thresholdAmount(500000, "zh-CN") === "50万"; thresholdAmount(500000, "en-US") === "500,000"
 */
export function thresholdAmount(amount: number, lang: Lang): string {
  return CATALOGUES[lang].settings.amountThresholdStyle === "short" ? formatAmountShort(amount, lang) : groupedAmount(amount, lang);
}

function part(p: DimensionScore, lang: Lang): string {
  switch (p.dim) {
    case "urgency":
      if (p.bound === null) return say(lang, "reason", "closePassed", { letter: p.letter });
      if (p.letter === "C") return say(lang, "reason", "closeLater", { days: p.bound });
      return say(lang, "reason", "closeWithin", { days: p.bound, letter: p.letter });
    case "importance":
      return say(lang, "reason", "importance", { amount: formatAmountShort(p.amount, lang), letter: p.letter });
    case "fit":
      return say(lang, "reason", "fit", { level: entryLabel(LEVELS[p.level], lang), letter: p.letter });
    case "intent":
      return say(lang, "reason", "intent", { level: entryLabel(LEVELS[p.level], lang), letter: p.letter });
  }
}

/**
 * A reason a rep can read.
 * @example renderReason(r, "zh-CN") // "30天内成交A · 20万B · 匹配高A · 意向中B → A"
 */
export function renderReason(r: GradeReason, lang: Lang): string {
  const parts = r.parts.map((p) => part(p, lang));
  if (r.computed === "toAssess") parts.push(say(lang, "reason", "tooFew"));
  let text = `${parts.join(" · ")} → ${gradeLabel(r.computed, lang)}`;
  if (r.strategicFloor) text += ` · ${say(lang, "reason", "strategicFloor")}`;
  if (r.override !== null) text += ` · ${say(lang, "reason", "manualGrade", { grade: r.override })}`;
  return text;
}

export function issueMessage(i: Issue, lang: Lang): string {
  const template: string = CATALOGUES[lang].issue[i.code];
  return fill(template, { sheet: i.sheetName, column: i.column ?? "", value: i.value ?? "", other: String(i.other ?? "") });
}

/** One line: location and message. */
export function formatIssue(i: Issue, lang: Lang, cellAddress?: string): string {
  const row = i.row !== null ? say(lang, "issue", "atRow", { row: i.row }) : "";
  const column = i.column ? say(lang, "issue", "atColumn", { column: i.column }) : "";
  const loc = [i.sheetName, row, column].filter(Boolean).join(say(lang, "issue", "locationSeparator"));
  return `${loc}${cellAddress ? ` [${cellAddress}]` : ""}: ${issueMessage(i, lang)}`;
}
