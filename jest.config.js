// One name for this run, inherited by every worker: the browser suites share one harness build per run.
process.env.CRM_JEST_RUN ??= `${process.pid}-${Date.now()}`;

const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default is one worker fewer than the cores, which on two cores runs every suite in band:
  // most suites wait on programs they start (the command line, Python, LibreOffice, Chromium), so a
  // second worker fills the idle core.
  maxWorkers: Math.max(2, (os.availableParallelism?.() ?? os.cpus().length) - 1),
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Transpile only (the main tsconfig's isolatedModules): `npm test` type-checks the whole project with
  // tsc before jest starts, once, where ts-jest checking each suite's program cost a tenth of the run.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testPathIgnorePatterns: ["/node_modules/", "/lib/", "/dist/"],
  // jsdom page tests render the whole pane; on a two-core CI machine running suites side by side they
  // can pass jest's 5 s default without anything being wrong, so give every test 30 s.
  testTimeout: 30000,
  // findBy…/waitFor wait up to 10 s (test/support/domTimeouts.ts) for the same reason.
  setupFilesAfterEnv: ["<rootDir>/test/support/domTimeouts.ts"],
  reporters: ["default", "<rootDir>/test/support/countReporter.js"],
};
