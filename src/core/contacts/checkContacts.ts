import type { DayNumber } from "../_lib/calendar";
import type { Issue } from "../issues/issue";
import type { WorkbookModel } from "../model/workbookModel";
import { cell } from "../model/workbookModel";
import { isValidEmail, isValidPhone, maskPhone } from "../checks/privacy";
import { gradeCustomer, stageClass } from "../grading/gradeCustomer";
import { readRules } from "../rules/rules";
import { headerLookup, readCustomers } from "../model/customers";
import { IssueSink } from "../issues/issueSink";
import { idKey } from "../followup/history";
import { CONTACT_COLUMNS } from "./columns";
import { contactsByCustomer, readContacts, roleMap } from "./readContacts";

/**
 * The decision chain check (seed 000: 决策链): an open A or B customer needs a 决策人 / Decision maker,
 * either as the role on its own row or among its contacts on the Contacts sheet. Contacts' phones
 * and e-mails are checked as the customer row's are, and a contact of a customer ID not on the
 * Customers sheet is reported.
 * @example checkContacts(model, today) // [{ code: "noDecisionMaker", row: 5, column: "联系人角色", value: "A", … }]
 */
export function checkContacts(model: WorkbookModel, today: DayNumber): Issue[] {
  const t = model.customers;
  if (!t) return [];
  const sink = new IssueSink(t, headerLookup(t, model.lang));
  // Parsing problems of the customer row are the main check's to report, not this one's.
  const quiet = new IssueSink(t, headerLookup(t, model.lang));
  const customers = readCustomers(t, quiet);
  const { rules } = readRules(model);
  const contacts = readContacts(model.contacts);
  const byCustomer = contactsByCustomer(contacts);
  for (const c of customers) {
    if (stageClass(c.stage) !== "open") continue;
    const g = gradeCustomer(c, rules, today)?.final ?? null;
    if (g !== "A" && g !== "B") continue;
    const ownRole = roleMap.parse(cell(t, "role", c.index));
    if (ownRole.ok && ownRole.value === "decisionMaker") continue;
    if ((byCustomer.get(idKey(c.id)) ?? []).some((x) => x.role === "decisionMaker")) continue;
    sink.push("noDecisionMaker", "role", c.index, g);
  }
  const ct = model.contacts;
  if (!ct) return sink.issues;
  const cSink = new IssueSink(ct, headerLookup(ct, model.lang, [...CONTACT_COLUMNS]));
  const known = new Set(customers.map((c) => idKey(c.id)).filter((k) => k !== ""));
  for (const x of contacts) {
    if (x.customerId === "") cSink.push("missingRequired", "customerId", x.index);
    else if (!known.has(idKey(x.customerId))) cSink.push("unknownCustomerId", "customerId", x.index, x.customerId);
    if (x.name === "") cSink.push("missingRequired", "name", x.index);
    if (x.role === null && x.roleText !== "") cSink.push("unknownLabel", "role", x.index, x.roleText);
    if (x.phone !== "" && !isValidPhone(x.phone)) cSink.push("phoneMalformed", "phone", x.index, maskPhone(x.phone));
    if (x.email !== "" && !isValidEmail(x.email)) cSink.push("emailMalformed", "email", x.index, x.email);
  }
  return [...sink.issues, ...cSink.issues];
}
