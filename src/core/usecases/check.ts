import type { DayNumber } from "../_lib/calendar";
import { formatIso } from "../_lib/calendar";
import type { Issue } from "../issues/issue";
import { isValidEmail, isValidPhone, maskPhone, scanIdNumbers } from "../checks/privacy";
import { normalizeCompanyName, phoneKey } from "../checks/duplicates";

// Moved to ../checks/duplicates.ts; kept here for callers of the old path until they switch.
import { type TableModel, type WorkbookModel, cell } from "../model/workbookModel";
import { parseAmount, parseText } from "../model/parse";
import { readRules } from "../rules/rules";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../template/columns";
import { stageClass } from "../grading/gradeCustomer";
import { headerLookup, readCustomers } from "../model/customers";
import { idKey, readHistories } from "../followup/history";
import { IssueSink } from "../issues/issueSink";
import { missingTableIssue } from "./errors";
import { checkComplaints } from "../health/checkComplaints";
import { checkContacts } from "../contacts/checkContacts";

function missingColumns(t: TableModel, defs: readonly ColumnDef[], sink: IssueSink): void {
  for (const d of defs) if (d.required && t.positions[d.key] === undefined) sink.push("missingColumn", d.key, null);
}

/** Data-quality report: coded issues with sheet, row and column. Never changes anything. */
export function check(model: WorkbookModel, today: DayNumber): Issue[] {
  const t = model.customers;
  if (!t) return [missingTableIssue(model, "customers")];
  const sink = new IssueSink(t, headerLookup(t, model.lang));
  missingColumns(t, CUSTOMER_COLUMNS, sink);
  const customers = readCustomers(t, sink);
  const { issues: ruleIssues } = readRules(model);

  const firstById = new Map<string, number>();
  const firstByName = new Map<string, number>();
  const firstByPhone = new Map<string, number>();
  for (const c of customers) {
    const i = c.index;
    for (const d of CUSTOMER_COLUMNS) {
      if (d.required && d.key !== "id" && t.positions[d.key] !== undefined && parseText(cell(t, d.key, i)) === "") sink.push("missingRequired", d.key, i);
    }
    if (c.id !== "") {
      const k = idKey(c.id);
      const prev = firstById.get(k);
      if (prev !== undefined) sink.push("duplicateId", "id", i, c.id, prev);
      else firstById.set(k, c.row);
    }
    const nk = normalizeCompanyName(c.name);
    if (nk !== "") {
      const prev = firstByName.get(nk);
      if (prev !== undefined) sink.push("likelyDuplicateName", "name", i, c.name, prev);
      else firstByName.set(nk, c.row);
    }
    const phone = parseText(cell(t, "phone", i));
    if (phone !== "") {
      if (!isValidPhone(phone)) sink.push("phoneMalformed", "phone", i, maskPhone(phone));
      const pk = phoneKey(phone);
      const prev = firstByPhone.get(pk);
      if (prev !== undefined) sink.push("likelyDuplicatePhone", "phone", i, maskPhone(phone), prev);
      else firstByPhone.set(pk, c.row);
    }
    const email = parseText(cell(t, "email", i));
    if (email !== "" && !isValidEmail(email)) sink.push("emailMalformed", "email", i, email);
    if (phone === "" && email === "" && parseText(cell(t, "wechat", i)) === "") sink.push("noContactMethod", "phone", i);
    if (c.closeDate !== null && c.closeDate < today && stageClass(c.stage) === "open") sink.push("closeDatePassed", "closeDate", i, formatIso(c.closeDate));
    for (const key of ["amount", "wonAmount"]) {
      const p = parseAmount(cell(t, key, i));
      if (key === "wonAmount" && !p.ok && !p.blank) sink.push("unreadableAmount", key, i, parseText(cell(t, key, i)));
      if (!p.ok) continue;
      if (p.value < 0) sink.push("negativeAmount", key, i, String(p.value));
      else if (p.value > 0 && p.value < 1000) sink.push("amountTooSmall", key, i, String(p.value));
    }
  }
  scanIdNumbers(t, sink, customers.map((c) => c.index));

  const fu = model.followUps;
  let fuIssues: Issue[] = [];
  if (fu) {
    const fuSink = new IssueSink(fu, headerLookup(fu, model.lang));
    missingColumns(fu, FOLLOWUP_COLUMNS, fuSink);
    readHistories(fu, today, fuSink, new Set(firstById.keys()));
    const rows: number[] = [];
    for (let i = 0; i < fu.rowCount; i++) rows.push(i);
    scanIdNumbers(fu, fuSink, rows);
    fuIssues = fuSink.issues;
  }
  return [...ruleIssues, ...sink.issues, ...fuIssues, ...checkContacts(model, today), ...checkComplaints(model, new Set(firstById.keys()), today)];
}
