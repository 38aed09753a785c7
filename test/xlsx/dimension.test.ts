/**
 * A sheet's <dimension> (the used range a reader may trust instead of scanning) grows with the rows
 * we append: openpyxl in read-only mode, and other streaming readers, stop at its last row.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { cli, ensureCliBuilt, tmpdir } from "./helpers";

jest.setTimeout(120_000);
beforeAll(() => ensureCliBuilt());

/** Each worksheet's dimension ref and the last row its sheetData holds, read with Python's zipfile. */
function dimensions(file: string): Record<string, { ref: string; lastRow: number }> {
  const script = [
    "import sys, zipfile, re, json",
    "z = zipfile.ZipFile(sys.argv[1]); out = {}",
    "for n in z.namelist():",
    "  if re.match(r'xl/worksheets/sheet\\d+\\.xml$', n):",
    "    x = z.read(n).decode('utf-8')",
    "    d = re.search(r'<dimension ref=\"([^\"]+)\"', x)",
    "    rows = [int(r) for r in re.findall(r'<row r=\"(\\d+)\"', x)]",
    "    out[n] = {'ref': d.group(1) if d else '', 'lastRow': max(rows) if rows else 0}",
    "print(json.dumps(out))",
  ].join("\n");
  const r = spawnSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, { ref: string; lastRow: number }>;
}

const lastRowOf = (ref: string) => Number(/(\d+)$/.exec(ref)?.[1] ?? 0);

it("import and log grow every dimension to the sheet's last row", () => {
  const dir = tmpdir();
  const book = path.join(dir, "book.xlsx");
  expect(cli(["init", book]).code).toBe(0);
  const csv = path.join(dir, "list.csv");
  fs.writeFileSync(csv, "客户编号,公司名称,联系人,手机,联系人2,电话2\nKH-1,甲公司,王,13800138000,李,13900139000\nKH-2,乙公司,赵,13700137000,孙,13600136000\nKH-3,丙公司,钱,13500135000,,\n");
  expect(cli(["import", csv, "--into", book, "--today", "2026-05-20"]).code).toBe(0);
  expect(cli(["log", book, "--customer", "KH-1", "--by", "张三", "--date", "2026-05-20", "--method", "电话", "--summary", "聊过", "--today", "2026-05-20"]).code).toBe(0);
  expect(cli(["log", book, "--customer", "KH-2", "--by", "张三", "--date", "2026-05-20", "--method", "电话", "--summary", "再聊", "--today", "2026-05-20"]).code).toBe(0);
  const dims = dimensions(book);
  const grown = Object.values(dims).filter((d) => d.lastRow > 2);
  // Customers (4 rows), Follow-ups (3), Contacts (3) at least.
  expect(grown.length).toBeGreaterThanOrEqual(3);
  // A sheet without a dimension (it is optional, our import report writes none) leaves readers to scan.
  for (const [part, d] of Object.entries(dims)) if (d.ref !== "") expect([part, lastRowOf(d.ref) >= d.lastRow]).toEqual([part, true]);
});
