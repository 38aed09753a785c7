#!/usr/bin/env node
// `npm start`: on a machine with Excel desktop (Windows/macOS) sideload as Office projects do;
// everywhere else build, write a demo workbook and serve the add-in on https://localhost:3000.
const { spawnSync, spawn } = require("child_process");
const path = require("path");
const fs = require("fs");

const root = path.resolve(__dirname, "..");
const node = process.execPath;
const run = (args, opts = {}) => spawnSync(node, args, { cwd: root, stdio: "inherit", ...opts });

function tryDesktopSideload() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  // office-addin-debugging is not a dependency (it needs keytar and refuses Linux); npx fetches it here.
  const r = spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], { cwd: root, stdio: "inherit" });
  return r.status === 0;
}

const firstStepsJs = path.join(root, "lib", "src", "core", "demo", "firstSteps.js");
if (!fs.existsSync(path.join(root, "lib", "src", "cli", "main.js")) || !fs.existsSync(firstStepsJs)) run([path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"]);
if (tryDesktopSideload()) process.exit(0);

console.log("Building the add-in…");
const build = run([path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development"]);
if (build.status !== 0) process.exit(build.status || 1);

const demo = path.join(root, "demo", "crm-demo.xlsx");
fs.mkdirSync(path.dirname(demo), { recursive: true });
if (fs.existsSync(demo)) fs.rmSync(demo);
run([path.join(root, "bin", "crm-sheets.js"), "demo", demo]);

// The same tour the Guide sheet opens with, in both languages (the demo workbook is zh-CN).
const { firstSteps } = require(firstStepsJs);
const tour = (lang) => firstSteps(lang).map((line, i) => (i === 0 ? line : `  ${line}`)).join("\n");
console.log(`
Demo workbook: ${demo}

${tour("zh-CN")}

${tour("en-US")}

Serving the add-in on https://localhost:3000 (Ctrl+C to stop).

Sideload it:
  Excel on the web: open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in, choose ${path.join(root, "manifest.xml")}
  Excel on Windows: put manifest.xml in a shared folder, add it under File > Options > Trust Center > Trusted Add-in Catalogs, then Home > Add-ins > Shared Folder.
  Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.
The certificate is self-generated: trust .certs/ca.crt (or open https://localhost:3000/taskpane.html once and accept it) so Excel loads the pane.
`);
const server = spawn(node, [path.join(root, "scripts", "dev-server.js")], { cwd: root, stdio: "inherit" });
server.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
