/**
 * Pane tests under jsdom: a page loads on first use (a lazy chunk) and Fluent's first render of a
 * table is slow on a busy two-core machine, so testing-library's 1 s default for `findBy…` and
 * `waitFor` fails there without anything being wrong. Ten seconds, still well under the test timeout.
 * This is not a speed check: speed is measured by `npm run bench`.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 10_000 });
