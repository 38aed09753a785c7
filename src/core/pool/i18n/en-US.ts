/**
 * Words of the team operations (pool, handover, contacts), the reference language: every key and
 * `{parameter}` is defined here; zh-CN.ts is typed against it. Whole sentences with named parameters.
 */
export const TEAMOPS_EN_US = {
  guide: {
    heading: "Team operations: customer pool, handover, contacts",
    pool: "Customer pool: switch it on with \"{switch}\" on \"{rules}\" (off by default). An open customer not followed up for {a} days (A), {b} days (B), {c} days (C) or {toAssess} days (To assess) is due for the pool; a customer never contacted counts from Created. The \"{column}\" column counts down by itself every day, without the add-in, and turns red at {warn} days or fewer. Won, After-sales and closed customers are never released.",
    poolActions: "Releasing sets Owner to \"{pool}\" (an entry of the team list); a rep claims a pool customer on the add-in's Pool page or with crm-sheets claim. Release happens only when someone asks for it (the Pool page or crm-sheets pool --release), never by itself.",
    handover: "Handover (when staff change): the add-in's Handover page or crm-sheets handover moves a leaving rep's open customers (every stage if asked) to one rep, or evenly among several, after a preview of the counts. Follow-ups keep their author.",
    ownerWrites: "Release, claim and handover, and the log form's stage change, are the only operations that change a cell you typed (Owner, Stage). Each is explicit, shows what it will change first, and leaves one row per customer in \"{audit}\" with the old owner.",
    contacts: "Contacts: list every person at a customer on \"{contacts}\", one row each, with a role. The customer row keeps its main contact. The data check flags an open A or B customer with no Decision maker on either.",
  },
  cli: {
    poolOff: "{file}: the customer pool is off (set \"{switch}\" to Yes on \"{rules}\"); nothing is due.",
    poolSummary: "{file}: {due} customers due for the pool, {soon} due within {warn} days, {inPool} in the pool.",
    dueLine: "  {id}  {name}  {owner}  {grade}  {days} days over",
    soonLine: "  {id}  {name}  {owner}  {grade}  {days} days left",
    released: "Released {count} customers to \"{pool}\"; each is a row in the audit log with its old owner.",
    releaseHint: "Run again with --release to move them to the pool.",
    claimed: "{file}: {id} {name} now belongs to {owner} (was {from}); logged.",
    handoverPlan: "{file}: {count} customers of {from} to move: {split}.",
    handoverDone: "{file}: moved {count} customers of {from}: {split}; each is a row in the audit log. Follow-ups keep their author.",
    handoverKept: "{kept} customers of {from} that are not open stay (add --all-stages to move them too).",
    dryRun: "Dry run: nothing was changed.",
    splitItem: "{to} {count}",
    noOwner: "(none)",
  },
  words: {
    yes: "Yes",
    no: "No",
  },
  derived: {
    daysToRelease: "Days until the customer is due for the pool (0 or less: due now); blank when the pool is off, for won and closed customers and for pool customers. A formula that counts down without the add-in.",
    customerName: "Filled in from the Customer ID.",
  },
} as const;

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type TeamOpsTexts = Shape<typeof TEAMOPS_EN_US>;
