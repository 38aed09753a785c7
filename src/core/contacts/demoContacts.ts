import type { Lang } from "../i18n/lang";
import { BLANK, text, type PlanValue } from "../plan/plan";
import { GIVEN_NAMES, SURNAMES, TITLES } from "../demo/people";
import type { Demo } from "../demo/story";
import { entryLabel } from "../template/lists";
import { ROLES } from "./readContacts";
import { CONTACT_COLUMNS } from "./columns";
import { teamOpsTexts } from "../pool/i18n";

/**
 * The demo's decision chain (seed 000: 决策链): a customer whose main contact is not the one who
 * decides gets its decision maker on the Contacts sheet, so the data check finds only the demo's
 * planted problems. Derived from the story without drawing from its random stream, so adding it
 * changes no other row of the demo.
 * @example demoContactRows(demo, "zh-CN")[0] // [KH-…, blank, "周敏", "总经理", "决策人", …]
 */
export function demoContactRows(demo: Demo, lang: Lang): PlanValue[][] {
  const out: PlanValue[][] = [];
  demo.customers.forEach((s, i) => {
    if (s.contact.role === 0) return;
    const surname = (SURNAMES[(i * 7 + s.name.length) % SURNAMES.length] as readonly [string, string])[0];
    // A full name, as the main contact has: 周总 is how a rep addresses the boss, and reads as nothing in English.
    const name = `${surname}${givenName(surname, i, s.contact.name)}`;
    const titles = TITLES[0] ?? [];
    const title = titles[i % Math.max(titles.length, 1)];
    const v: Record<string, PlanValue> = {
      customerId: text(s.id), name: text(name), title: title ? text(title[lang]) : BLANK,
      role: text(entryLabel(ROLES.decisionMaker, lang)), primary: text(teamOpsTexts(lang).words.no),
    };
    out.push(CONTACT_COLUMNS.map((c) => v[c.key] ?? BLANK));
  });
  return out;
}

/** A given name picked by the row that does not make the customer's main contact's own name. */
function givenName(surname: string, i: number, mainContact: string): string {
  for (let k = 0; k < GIVEN_NAMES.length; k++) {
    const given = (GIVEN_NAMES[(i * 5 + k) % GIVEN_NAMES.length] as readonly [string, string])[0];
    if (`${surname}${given}` !== mainContact) return given;
  }
  return "";
}
