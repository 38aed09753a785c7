import type { Lang } from "../../i18n/lang";
import { fill, section } from "../../i18n/catalogue";

/**
 * The team operations' words (catalogue section `teamops`), grouped as their users read them: the
 * Guide's paragraphs, the derived columns' help, the command line's lines, the yes/no words.
 */
export function teamOpsTexts(lang: Lang) {
  const c = section(lang, "teamops");
  return {
    guide: { heading: c.guideHeading, pool: c.guidePool, poolActions: c.guidePoolActions, handover: c.guideHandover, ownerWrites: c.guideOwnerWrites, contacts: c.guideContacts },
    derived: { daysToRelease: c.derivedDaysToRelease, customerName: c.derivedCustomerName },
    cli: {
      poolOff: c.cliPoolOff, poolSummary: c.cliPoolSummary, dueLine: c.cliDueLine, soonLine: c.cliSoonLine, released: c.cliReleased,
      releaseHint: c.cliReleaseHint, claimed: c.cliClaimed, handoverPlan: c.cliHandoverPlan, handoverDone: c.cliHandoverDone,
      handoverKept: c.cliHandoverKept, dryRun: c.cliDryRun, splitItem: c.cliSplitItem, noOwner: c.cliNoOwner,
    },
    words: { yes: c.wordsYes, no: c.wordsNo },
  } as const;
}

/**
 * Fills `{name}` placeholders (the catalogue's own filler); a name without a value stays as written.
 * @example fillText("A {a}", { a: 30 }) === "A 30"
 */
export function fillText(template: string, params: Readonly<Record<string, string | number>>): string {
  return fill(template, params);
}
