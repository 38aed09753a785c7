// Types for scripts/pane-budget.js, which webpack.config.js requires as is (no build step before the build).
import type { Compilation, Compiler } from "webpack";

/** What the pane may load before its first paint, gzipped, in KiB. */
export const PANE_BUDGET_KIB: number;

/** The gzipped size in KiB of an entry's initial JavaScript (null when there is no such entry). */
export function initialGzipKiB(compilation: Compilation, entry: string): number | null;

/** Fails a build whose `entry` loads more than `kib` KiB of gzipped JavaScript before its first paint. */
export class PaneBudgetPlugin {
  constructor(options?: { entry?: string; kib?: number });
  readonly entry: string;
  readonly kib: number;
  apply(compiler: Compiler): void;
}
