/**
 * The check `npm test` runs before any suite: on a fake machine (a PATH of stub programs, a stub
 * python, a stub apt-get that "installs" by adding stubs) it names what is missing with the command
 * that installs it, installs it itself as root with apt, and stays silent when nothing is missing.
 * No real apt ever runs: the fake PATH holds only the stubs.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkSystem, type CheckOptions, type SystemProgram } from "../../scripts/check-system";
import deps from "../../scripts/system-deps.json";

const root = path.resolve(__dirname, "../..");
const programs: readonly SystemProgram[] = deps.programs;

interface Machine {
  bin: string;
  state: string;
  python: string;
  /** Every apt-get call, one line of arguments each. */
  aptCalls: () => string[];
  /** Every sudo call, one line of arguments each. */
  sudoCalls: () => string[];
}

const sh = (file: string, body: string) => fs.writeFileSync(file, `#!/bin/bash\n${body}\n`, { mode: 0o755 });

/** A machine with every program of the list except `lacking`; apt-get and sudo only when asked. */
function machine(lacking: readonly SystemProgram[], opts: { apt?: "works" | "fails"; sudo?: boolean } = {}): Machine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-system-"));
  const bin = path.join(dir, "bin");
  const state = path.join(dir, "state");
  fs.mkdirSync(bin);
  fs.mkdirSync(state);
  const provide = (p: SystemProgram) => (p.python ? fs.writeFileSync(path.join(state, `py-${p.python}`), "") : sh(path.join(bin, p.command ?? ""), "exit 0"));
  for (const p of programs) if (!lacking.includes(p)) provide(p);
  // The probe passes its module names after `-c <code>`; the stub answers from marker files.
  const python = path.join(dir, "python3");
  sh(python, `shift 2; out=(); for m in "$@"; do [ -f "${state}/py-$m" ] || out+=("$m"); done; echo "\${out[*]}"`);
  if (opts.apt) {
    const installs = programs.map((p) => `    ${p.apt}) ${p.python ? `: > "${state}/py-${p.python}"` : `printf '#!/bin/bash\\nexit 0\\n' > "${bin}/${p.command}"; /bin/chmod +x "${bin}/${p.command}"`} ;;`).join("\n");
    sh(path.join(bin, "apt-get"), [
      `echo "$*" >> "${state}/apt.log"`,
      `[ "$DEBIAN_FRONTEND" = noninteractive ] || exit 3`,
      opts.apt === "fails" ? `[ "$1" = install ] && exit 100` : "",
      `[ "$1" = install ] || exit 0`,
      `for pkg in "$@"; do case "$pkg" in`,
      installs,
      `esac; done`,
    ].join("\n"));
  }
  if (opts.sudo) {
    // sudo -n env DEBIAN_FRONTEND=noninteractive /path/apt-get …: run the rest as is.
    sh(path.join(bin, "sudo"), `echo "$*" >> "${state}/sudo.log"; [ "$1" = -n ] || exit 1; shift; exec "$@"`);
    fs.symlinkSync("/usr/bin/env", path.join(bin, "env"));
  }
  const lines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n") : []);
  return { bin, state, python, aptCalls: () => lines(path.join(state, "apt.log")), sudoCalls: () => lines(path.join(state, "sudo.log")) };
}

/** Runs the check on `m` and returns its status and everything it printed. */
function run(m: Machine, opts: CheckOptions & { ci?: boolean } = {}): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const env: NodeJS.ProcessEnv = { PATH: m.bin, ...(opts.ci ? { CI: "true" } : {}), ...opts.env };
  const code = checkSystem({ isRoot: false, platform: "linux", python: m.python, ...opts, env, log: (l) => out.push(l), warn: (l) => err.push(l) });
  return { code, out, err };
}

describe("npm test's system check", () => {
  it("is what `npm test` runs first, then the type check, and `npm test -- args` still reaches jest", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toBe("node scripts/check-system.js && tsc -p tsconfig.json --noEmit && jest");
  });

  it("is silent and calls no apt when everything is present", () => {
    const m = machine([], { apt: "works" });
    expect(run(m, { isRoot: true })).toEqual({ code: 0, out: [], err: [] });
    expect(m.aptCalls()).toEqual([]);
  });

  describe.each(programs.map((p) => [p.name, p] as const))("without %s", (_name, lacking) => {
    it("stops a non-root user with one message naming it and the exact apt command", () => {
      const m = machine([lacking], { apt: "works" });
      const r = run(m);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toContain(lacking.name);
      expect(r.err[0]).toContain(`Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${lacking.apt}`);
      // Only the missing one is named.
      for (const other of programs) if (other !== lacking) expect(r.err[0]).not.toContain(other.name);
      expect(m.aptCalls()).toEqual([]);
    });

    it("installs it as root with apt, once, saying what it installs", () => {
      const m = machine([lacking], { apt: "works" });
      const r = run(m, { isRoot: true });
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.out).toHaveLength(1);
      expect(r.out[0]).toContain(lacking.name);
      expect(r.out[0]).toContain(`apt-get install ${lacking.apt}`);
      expect(m.aptCalls()).toEqual(["update -qq", `install -y -qq --no-install-recommends ${lacking.apt}`]);
      // Installed now: the next run is silent and leaves apt alone.
      expect(run(m, { isRoot: true })).toEqual({ code: 0, out: [], err: [] });
      expect(m.aptCalls()).toHaveLength(2);
    });
  });

  it("names every missing program in one message with one command", () => {
    const m = machine(programs, { apt: "works" });
    const r = run(m);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    for (const p of programs) expect(r.err[0]).toContain(p.name);
    expect(r.err[0]).toContain(`sudo apt-get install -y --no-install-recommends ${[...new Set(programs.map((p) => p.apt))].join(" ")}`);
  });

  it("as root installs all of them in one apt-get install", () => {
    const m = machine(programs, { apt: "works" });
    expect(run(m, { isRoot: true }).code).toBe(0);
    expect(m.aptCalls()).toEqual(["update -qq", `install -y -qq --no-install-recommends ${programs.map((p) => p.apt).join(" ")}`]);
  });

  it("says so, with the command, when apt cannot install", () => {
    const lacking = programs.filter((p) => p.command === "soffice" || p.python === "openpyxl");
    expect(lacking).toHaveLength(2);
    const m = machine(lacking, { apt: "fails" });
    const r = run(m, { isRoot: true });
    expect(r.code).toBe(1);
    expect(m.aptCalls()).toHaveLength(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^npm test could not install the system programs the tests need: /);
    for (const p of lacking) expect(r.err[0]).toContain(p.name);
    expect(r.err[0]).toContain(`\nInstall them with: apt-get update && apt-get install -y --no-install-recommends ${lacking.map((p) => p.apt).join(" ")}`);
  });

  it("without apt (root or not) stops with the Debian command", () => {
    const xmllint = programs.filter((p) => p.command === "xmllint");
    for (const isRoot of [true, false]) {
      const r = run(machine(xmllint), { isRoot });
      expect(r.code).toBe(1);
      expect(r.err).toEqual([`npm test needs system programs that are missing: xmllint.\nOn Debian or Ubuntu install them with: ${isRoot ? "" : "sudo "}apt-get update && ${isRoot ? "" : "sudo "}apt-get install -y --no-install-recommends libxml2-utils (elsewhere, the same programs from the system's package manager).`]);
    }
  });

  it("on another system never calls apt, even as root", () => {
    const m = machine(programs.filter((p) => p.command === "chromium"), { apt: "works" });
    const r = run(m, { isRoot: true, platform: "darwin" });
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("Chromium (chromium)");
    expect(m.aptCalls()).toEqual([]);
  });

  it("without root uses sudo only on CI, and never one that would ask for a password", () => {
    const lacking = programs.filter((p) => p.command === "soffice");
    const dev = machine(lacking, { apt: "works", sudo: true });
    expect(run(dev).code).toBe(1);
    expect(dev.sudoCalls()).toEqual([]);
    const ci = machine(lacking, { apt: "works", sudo: true });
    expect(run(ci, { ci: true }).code).toBe(0);
    expect(ci.sudoCalls()).toEqual([
      `-n env DEBIAN_FRONTEND=noninteractive ${ci.bin}/apt-get update -qq`,
      `-n env DEBIAN_FRONTEND=noninteractive ${ci.bin}/apt-get install -y -qq --no-install-recommends libreoffice-calc`,
    ]);
  });

  it("counts Chromium as present where CHROMIUM_PATH points, as the browser suite does", () => {
    const chromium = programs.filter((p) => p.env === "CHROMIUM_PATH");
    expect(chromium).toHaveLength(1);
    const m = machine(chromium);
    const own = path.join(m.state, "my-chromium");
    fs.writeFileSync(own, "");
    expect(run(m, { env: { CHROMIUM_PATH: own } }).code).toBe(0);
    expect(run(m, { env: { CHROMIUM_PATH: path.join(m.state, "nowhere") } }).code).toBe(1);
  });

  it("as a command, stops before any suite with the message on stderr", () => {
    // A PATH with none of the programs and no apt-get: this machine's real apt is never reached.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "crm-empty-"));
    const r = spawnSync(process.execPath, [path.join(root, "scripts", "check-system.js")], { cwd: root, env: { PATH: empty }, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^npm test needs system programs that are missing: xmllint, Chromium \(chromium\), .*LibreOffice Calc \(soffice\)\.\nOn Debian or Ubuntu install them with: (sudo )?apt-get update && (sudo )?apt-get install -y --no-install-recommends libxml2-utils chromium .*libreoffice-calc/);
  });
});
