#!/usr/bin/env node
// `npm run bench`: compiles the benchmark (and the CLI it measures), then runs it.
const { spawnSync } = require("child_process");
const path = require("path");
const root = path.resolve(__dirname, "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
for (const cfg of ["tsconfig.cli.json", "tsconfig.bench.json"]) {
  const r = spawnSync(process.execPath, [tsc, "-p", cfg], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status || 1);
}
const r = spawnSync(process.execPath, ["--max-old-space-size=8192", path.join(root, "lib-bench", "bench", "run.js"), ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
