// Types for scripts/check-system.js, which node runs as is (no build step before `npm test`).

/** One entry of scripts/system-deps.json: found as a command on PATH, or as a Python module. */
export interface SystemProgram {
  name: string;
  command?: string;
  python?: string;
  /** A variable that, when set, names the program's file instead of PATH (CHROMIUM_PATH). */
  env?: string;
  apt: string;
  for: string;
}

export interface CheckOptions {
  env?: NodeJS.ProcessEnv;
  isRoot?: boolean;
  platform?: NodeJS.Platform;
  /** The interpreter the suites run (default /usr/bin/python3). */
  python?: string;
  programs?: readonly SystemProgram[];
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export function checkSystem(options?: CheckOptions): 0 | 1;
export function findMissing(programs: readonly SystemProgram[], env: NodeJS.ProcessEnv, python: string): SystemProgram[];
export function aptCommand(packages: readonly string[], isRoot: boolean): string;
