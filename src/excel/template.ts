import type { Lang } from "../core/i18n/lang";
import { CUSTOMER_COLUMNS } from "../core/template/columns";
import { runUseCase as run } from "./errors";
import { readStructure, type TableInfo } from "./structure";
import { queueAudit } from "./audit";
import { finishUpgrade, install, type InstallOutcome } from "./install";
import { upgradeTeamOps } from "./upgradeTeamOps";

/*
 * The Home page's use-cases: is the template there, and install or upgrade it. Apart from the rest of
 * ./usecases so the task pane's first page fetches only these (and not grading, checking, logging).
 */

export interface TemplateStatus {
  readonly installed: boolean;
  readonly lang: Lang;
  readonly version: number | null;
  readonly customers: number;
  readonly followUps: number;
  readonly missingColumns: readonly string[];
}

/** Rows of a table, not counting the blank placeholder row a fresh table carries. */
function dataRows(info: TableInfo | undefined): number {
  if (!info?.exists) return 0;
  return info.rowCount === 1 && info.lastRowBlank ? 0 : info.rowCount;
}

export async function templateStatus(): Promise<TemplateStatus> {
  return run("status", async (context) => {
    const s = await readStructure(context);
    const cu = s.tables.customers;
    const missing = cu?.exists ? CUSTOMER_COLUMNS.filter((c) => cu.positions[c.key] === undefined).map((c) => c.header[s.lang]) : [];
    return {
      installed: cu?.exists === true, lang: s.lang, version: s.templateVersion,
      customers: dataRows(cu), followUps: dataRows(s.tables.followUps), missingColumns: missing,
    };
  });
}

export async function installTemplate(lang: Lang, confirmAdopt: boolean, user: string, now: Date): Promise<InstallOutcome> {
  const installed = await run("install", () => install(lang, confirmAdopt));
  const poolRows = await run("upgrade", () => upgradeTeamOps(installed));
  const out: InstallOutcome = installed.kind === "upgraded" ? { ...installed, columns: [...installed.columns, ...poolRows] } : installed;
  if (out.kind !== "installed" && out.kind !== "upgraded") return out;
  return run("audit", async (context) => {
    const s = await readStructure(context);
    // The version last, with the audit row: an upgrade cut short above is tried again next time.
    const refreshed = await finishUpgrade(context, s, out.sheets);
    const done: InstallOutcome = out.kind === "upgraded" ? { ...out, refreshed } : out;
    const target = done.kind === "upgraded" ? [...done.sheets, ...done.refreshed, ...done.columns] : done.sheets;
    queueAudit(context, s.tables.audit, { user, action: done.kind === "installed" ? "install" : "upgrade", target: target.join(", "), cells: 0 }, now, true);
    await context.sync();
    return done;
  });
}
