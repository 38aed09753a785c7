/**
 * The starting point of most Office-door suites: a strict Excel double with the template installed
 * by the add-in's own use-case, then rows typed into the Customers and Follow-ups tables as a person
 * would, and the counters reset so a test counts only its own syncs.
 */
import { ExcelDouble } from "../double/excelDouble";
import { installTemplate } from "../../src/excel/usecases";
import type { Lang } from "../../src/core/i18n/lang";
import { seed, type SeedRow } from "../excel/seed";

export interface InstalledDoubleOptions {
  /** When the install happens (its audit row's time). */
  readonly now: Date;
  /** The template's language; zh-CN unless a suite says otherwise. */
  readonly lang?: Lang;
  /** Who installs (the audit row's user); 张三 unless a suite says otherwise. */
  readonly user?: string;
  readonly customers?: readonly SeedRow[];
  readonly followUps?: readonly SeedRow[];
  /** The double to install into (one built with limits or a fault), a fresh one otherwise. */
  readonly into?: ExcelDouble;
}

/**
 * Installs the template into a double that becomes the global Office host, seeds the given rows and
 * resets the counters. A fresh double always installs; anything else is a broken setup, not a result.
 * @example const x = await installedDouble({ now, customers: [{ id: "KH-1", name: "甲", stage: "新线索", owner: "张三" }] });
 */
export async function installedDouble(options: InstalledDoubleOptions): Promise<ExcelDouble> {
  const x = options.into ?? new ExcelDouble();
  x.install();
  const out = await installTemplate(options.lang ?? "zh-CN", false, options.user ?? "张三", options.now);
  if (out.kind !== "installed") throw new Error(`the template did not install on a fresh double: ${out.kind}`);
  if (options.customers) seed(x, "CRM_Customers", options.customers);
  if (options.followUps) seed(x, "CRM_FollowUps", options.followUps);
  x.resetCounters();
  return x;
}
