import { spawnSync } from "child_process";
import * as path from "path";

/** A cell as openpyxl reads it back: its value and its data type. */
export type Cell = [unknown, string];
export interface Rows { rows: Cell[][]; sheets: string[]; tables: Record<string, string> }

/** A sheet's rows read back by openpyxl (read_rows.py), with the workbook's sheet and table names. */
export function readRows(file: string, sheet: string): Rows {
  const r = spawnSync("/usr/bin/python3", [path.join(__dirname, "read_rows.py"), file, sheet], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Rows;
}
