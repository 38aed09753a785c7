import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import { DEFAULT_CALENDAR } from "../core/usecases/grade";
import { generateDemo } from "../core/demo/story";
import { demoRows, type DemoRows } from "../core/demo/rows";

// The benchmark's data draws from the same seeded generator.
export { rng } from "../core/demo/prng";

/** The seed `crm-sheets demo` uses unless told otherwise: everyone's first demo is the same workbook. */
export const DEFAULT_SEED = 20260501;
export const DEFAULT_CUSTOMERS = 200;

export interface SampleOptions {
  readonly customers: number;
  readonly today: DayNumber;
  readonly lang: Lang;
  readonly seed?: number;
}

/** The demo team's customers and follow-up log as typed rows in template column order. */
export function sampleRows(o: SampleOptions): DemoRows {
  const demo = generateDemo({ customers: o.customers, today: o.today, seed: o.seed ?? DEFAULT_SEED, calendar: DEFAULT_CALENDAR });
  return demoRows(demo, o.lang);
}
