#!/usr/bin/env node
// Runs before `npm test`: are the system programs the suites call (scripts/system-deps.json) here?
// Root on Debian/Ubuntu: installs the missing ones with apt, once. Anywhere else: one message naming
// what is missing and the command that installs it, and exit 1, so a contributor on a fresh machine
// gets one instruction instead of a wall of failing suites. All present: silent, no apt call.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const deps = require("./system-deps.json");

/** The executable file `command` resolves to through PATH, or null. */
function which(command, pathVar) {
  for (const dir of (pathVar || "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, command);
    try {
      if (fs.statSync(file).isFile()) {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      }
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** Python modules (of `modules`) that `python` cannot find; all of them when python itself is absent. */
function pythonMissing(python, modules, env) {
  if (modules.length === 0) return new Set();
  // find_spec locates a module without importing it: one quick process for every module.
  const probe = "import sys, importlib.util as u; print(' '.join(m for m in sys.argv[1:] if u.find_spec(m) is None))";
  const r = spawnSync(python, ["-c", probe, ...modules], { env, encoding: "utf8" });
  if (r.error || r.status !== 0) return new Set(modules);
  return new Set(r.stdout.split(/\s+/).filter(Boolean));
}

/** The programs of the list that this machine lacks, in the list's order. */
function findMissing(programs, env, python) {
  const noModule = pythonMissing(python, programs.filter((p) => p.python).map((p) => p.python), env);
  return programs.filter((p) => {
    if (p.python) return noModule.has(p.python);
    // A program the suites find through a variable (CHROMIUM_PATH) counts as present where that points.
    const own = p.env && env[p.env];
    if (own) return !(fs.existsSync(own) && fs.statSync(own).isFile());
    return which(p.command, env.PATH) === null;
  });
}

const label = (p) => (p.python ? `${p.name} (Python module ${p.python})` : p.command !== p.name ? `${p.name} (${p.command})` : p.name);
const packagesOf = (missing) => [...new Set(missing.map((p) => p.apt))];

/** The one-line command that installs `packages` with apt, with sudo unless we are root. */
function aptCommand(packages, isRoot) {
  const sudo = isRoot ? "" : "sudo ";
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

/**
 * Checks for every system program of the list and installs the missing ones where it can.
 * Everything that touches the machine can be replaced, so tests run it against a fake PATH.
 * Returns the exit status: 0 when everything is present (or was just installed), 1 otherwise.
 *
 * @example
 * // On a non-root Debian machine without xmllint: exit 1 and, on stderr,
 * //   npm test needs system programs that are missing: xmllint.
 * //   Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends libxml2-utils
 * process.exitCode = checkSystem();
 */
function checkSystem(options = {}) {
  const env = options.env ?? process.env;
  const isRoot = options.isRoot ?? (typeof process.getuid === "function" && process.getuid() === 0);
  const platform = options.platform ?? process.platform;
  const python = options.python ?? deps.python;
  const programs = options.programs ?? deps.programs;
  const log = options.log ?? ((line) => console.log(line));
  const warn = options.warn ?? ((line) => console.error(line));

  let missing = findMissing(programs, env, python);
  if (missing.length === 0) return 0;

  const aptGet = platform === "linux" ? which("apt-get", env.PATH) : null;
  // Not root: sudo only on a throwaway CI machine, and never one that would ask for a password.
  const sudo = !isRoot && env.CI && aptGet ? which("sudo", env.PATH) : null;
  let tried = false;
  if (aptGet && (isRoot || sudo)) {
    const packages = packagesOf(missing);
    log(`npm test: installing the system programs the tests need: ${missing.map(label).join(", ")} (apt-get install ${packages.join(" ")})`);
    const apt = (args) => {
      const [cmd, ...pre] = sudo ? [sudo, "-n", "env", "DEBIAN_FRONTEND=noninteractive", aptGet] : [aptGet];
      const r = spawnSync(cmd, [...pre, ...args], { env: { ...env, DEBIAN_FRONTEND: "noninteractive" }, stdio: "inherit" });
      return !r.error && r.status === 0;
    };
    if (apt(["update", "-qq"])) apt(["install", "-y", "-qq", "--no-install-recommends", ...packages]);
    tried = true;
    missing = findMissing(programs, env, python);
    if (missing.length === 0) return 0;
  }

  const what = missing.map(label).join(", ");
  const command = aptCommand(packagesOf(missing), isRoot);
  if (tried) warn(`npm test could not install the system programs the tests need: ${what}.\nInstall them with: ${command}`);
  else if (aptGet) warn(`npm test needs system programs that are missing: ${what}.\nInstall them with: ${command}`);
  else warn(`npm test needs system programs that are missing: ${what}.\nOn Debian or Ubuntu install them with: ${command} (elsewhere, the same programs from the system's package manager).`);
  return 1;
}

module.exports = { checkSystem, findMissing, aptCommand };

if (require.main === module) process.exitCode = checkSystem();
