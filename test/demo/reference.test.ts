/**
 * The demo is the same workbook for the same seed: moving its words (or anything else) must not move
 * a cell. The rows of a few demos, in both languages, hash to the committed demo-reference.json; a
 * change that is meant is recorded with `UPDATE_REFERENCE=1 npx jest test/demo/reference` and the
 * diff reviewed like code.
 */
import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import { sampleRows } from "../../src/cli/sampleData";
import { parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { LANGS } from "../../src/core/i18n/lang";

const REFERENCE = path.join(__dirname, "demo-reference.json");
const UPDATE = process.env.UPDATE_REFERENCE === "1";
const RUNS = [
  { seed: 20260501, customers: 200, today: "2026-12-01" },
  { seed: 7, customers: 25, today: "2026-10-03" },
  { seed: 99, customers: 600, today: "2026-05-20" },
];

it("writes the same rows for the same seed, customers and today", () => {
  const now: Record<string, string> = {};
  for (const lang of LANGS)
    for (const r of RUNS) {
      const rows = sampleRows({ lang, seed: r.seed, customers: r.customers, today: parseIsoDay(r.today) as DayNumber });
      now[`${lang} seed ${r.seed} customers ${r.customers} today ${r.today}`] = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
    }
  if (UPDATE) fs.writeFileSync(REFERENCE, JSON.stringify(now, null, 1) + "\n");
  expect(now).toEqual(JSON.parse(fs.readFileSync(REFERENCE, "utf8")));
});
