// The task pane's first-paint budget, checked by every production build (so by CI's build step, with no
// second build): the JavaScript the pane's page loads before it can paint, gzipped the way
// `npm run bench` measures it, may not pass the budget.
const zlib = require("zlib");

const NAME = "PaneBudgetPlugin";

/** What the pane may load before its first paint, gzipped (docs/decisions.md § Pane bundle). */
const PANE_BUDGET_KIB = 250;

/**
 * The gzipped size in KiB of an entry's initial JavaScript: every script its page loads up front
 * (the entry chunk and any chunk split off it), not the chunks loaded later by `import()`.
 */
function initialGzipKiB(compilation, entry) {
  const point = compilation.entrypoints.get(entry);
  if (!point) return null;
  let bytes = 0;
  for (const file of point.getFiles()) {
    if (!file.endsWith(".js")) continue;
    const asset = compilation.getAsset(file);
    if (asset) bytes += zlib.gzipSync(asset.source.buffer()).length;
  }
  return bytes / 1024;
}

/**
 * Fails the build (an error, so webpack exits non-zero) when `entry`'s initial JavaScript passes
 * `kib` gzipped. It runs after the files are written, so an over-budget build can still be inspected.
 */
class PaneBudgetPlugin {
  constructor(options = {}) {
    this.entry = options.entry ?? "taskpane";
    this.kib = options.kib ?? PANE_BUDGET_KIB;
  }

  apply(compiler) {
    // Measured once the files are final (minified), before webpack drops their contents at emit;
    // reported after emit, since an error before it would keep a production build from writing them.
    let kib = null;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      kib = null;
      compilation.hooks.processAssets.tap({ name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        kib = initialGzipKiB(compilation, this.entry);
      });
    });
    compiler.hooks.afterEmit.tap(NAME, (compilation) => {
      if (kib === null) {
        compilation.errors.push(new compiler.webpack.WebpackError(`${NAME}: no entry "${this.entry}" to measure`));
        return;
      }
      const line = `${this.entry}: initial JavaScript ${kib.toFixed(1)} KiB gzipped (budget ${this.kib} KiB)`;
      if (kib > this.kib) {
        compilation.errors.push(new compiler.webpack.WebpackError(`${line}: over budget. Load what the first paint does not need on first use (see docs/decisions.md § Pane bundle).`));
      } else {
        compilation.getLogger(NAME).info(line);
      }
    });
  }
}

module.exports = { PaneBudgetPlugin, PANE_BUDGET_KIB, initialGzipKiB };
