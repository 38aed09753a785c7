// Lint: TypeScript's recommended rules, Office's own add-in rules, and the one-way rooms of ARCHITECTURE.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// One block per room of src/ (see docs/architecture.md): what it may not import, and why.
const core = "src/core must stay pure (no Office.js, React, Fluent UI, exceljs or Node built-ins): every door (task pane, ribbon, command line) runs the same rules, and tests run them without Excel.";
const NODE = ["node:*", "fs", "path", "os", "child_process", "crypto", "stream", "zlib", "util", "buffer"];
const UI = ["react", "react-*", "@fluentui/*"];
const OFFICE = ["@microsoft/office-js", "office-*"];
const FILE_LIBS = ["exceljs", "fflate"];
const room = (group, message) => ({ group, message });

// Words come from the catalogues (src/core/i18n/locales): a `zh ? "…" : "…"` ternary is a text no
// third language can reach and no pseudo-locale test can see.
const LANGUAGE_TERNARY = [
  { selector: "ConditionalExpression[test.type='Identifier'][test.name=/^(zh|isZh|en|isEn)$/]", message: "No inline language ternaries: put the words in the catalogues (src/core/i18n/locales) and call say()." },
  { selector: "ConditionalExpression[test.type='BinaryExpression'][test.right.value=/^(zh-CN|en-US)$/]", message: "No inline language ternaries: put the words in the catalogues (src/core/i18n/locales) and call say()." },
];

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "lib-bench/**", "node_modules/**", "coverage/**", "demo/**", "test-output/**", "bench/out/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly" } },
    rules: {
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-expect-error": "allow-with-description" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "Office", message: core }, { name: "Excel", message: core }, { name: "window", message: core }, { name: "process", message: core }],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass `today` in: core never reads the clock." }, ...LANGUAGE_TERNARY],
      "no-restricted-imports": ["error", {
        patterns: [
          room([...UI, ...FILE_LIBS, ...OFFICE], core),
          room(NODE, core),
          room(["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**", "**/commands/**"], core),
        ],
      }],
    },
  },
  {
    // The one place that picks between a definition's two texts (list entries, headers).
    files: ["src/core/template/lists.ts"],
    rules: { "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass `today` in: core never reads the clock." }] },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          room(UI, "src/excel is the Office.js door: it returns data to the pane and never renders; React and Fluent UI belong to src/taskpane."),
          room([...FILE_LIBS, ...NODE], "src/excel runs inside Excel's browser host: no Node built-ins, and files are the command line's door (src/xlsx)."),
          room(["**/xlsx/**", "**/cli/**", "**/taskpane/**", "**/commands/**"], "A door never calls another door: src/excel shares only src/core with the file door, and the UI calls src/excel, not the other way round."),
        ],
      }],
      // Error texts and workbook words from the Office door reach people too: catalogues only.
      "no-restricted-syntax": ["error", ...LANGUAGE_TERNARY],
    },
  },
  {
    files: ["src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "The file door has no Office.js." }, { name: "Office", message: "The file door has no Office.js." }],
      "no-restricted-imports": ["error", {
        patterns: [
          room([...UI, ...OFFICE], "src/xlsx is the file door for the command line: no Office.js, React or Fluent UI."),
          room(["**/excel/**", "**/taskpane/**", "**/commands/**", "**/cli/**"], "A door never calls another door, and the file door never depends on the command line that drives it."),
        ],
      }],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "The command line has no Office.js." }, { name: "Office", message: "The command line has no Office.js." }],
      "no-restricted-syntax": ["error", ...LANGUAGE_TERNARY],
      "no-restricted-imports": ["error", {
        patterns: [
          room([...UI, ...OFFICE], "The command line prints text: no Office.js, React or Fluent UI."),
          room(FILE_LIBS, "The command line never touches zip or XML itself: it calls the use-cases of src/xlsx."),
          room(["**/xlsx/zip", "**/xlsx/xml", "**/xlsx/rows", "**/xlsx/read", "**/xlsx/write", "**/xlsx/styles"], "The command line calls the file door's use-cases (usecases, save, init, book's errors), not its zip and XML internals."),
          room(["**/excel/**", "**/taskpane/**", "**/commands/**"], "A door never calls another door: the command line goes through src/xlsx."),
        ],
      }],
    },
  },
  {
    // Sample data and the demo's story are the demo's own room; they join the language rule when
    // their words move into the catalogues.
    files: ["src/cli/sampleData.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["src/core/demo/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass `today` in: core never reads the clock." }, ...LANGUAGE_TERNARY] },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx", "src/taskpane/officeDoor.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "The UI never calls Excel: use the use-cases from src/excel through props or useWorkbook()." }, { name: "Office", message: "Only index.tsx knows Office (Office.onReady, theme, display language)." }],
      "no-restricted-syntax": ["error", ...LANGUAGE_TERNARY],
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [
          room([...NODE, ...FILE_LIBS], "The pane runs in Excel's browser host: no Node built-ins, and files are the command line's door."),
          room(["**/xlsx/**", "**/cli/**", "**/commands/**"], "A door never calls another door: the pane reaches the workbook only through src/excel."),
          { group: ["**/excel/**", "!**/excel/errors"], allowTypeImports: true, message: "Components get the workbook through useWorkbook() (a WorkbookApi, which tests back with the double); only officeDoor.ts binds src/excel, and only its types and errors are shared." },
        ],
      }],
    },
  },
  {
    // The pane's two Office-facing files bind src/excel; they still never reach the file door.
    files: ["src/taskpane/index.tsx", "src/taskpane/officeDoor.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [room(["**/xlsx/**", "**/cli/**", ...NODE], "A door never calls another door: the pane reaches the workbook only through src/excel.")] }] },
  },
  {
    files: ["src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          room([...UI, ...NODE, ...FILE_LIBS], "A ribbon command runs without the pane: no React or Fluent UI, and no Node or file libraries in Excel's host."),
          room(["**/xlsx/**", "**/cli/**", "**/taskpane/**"], "A door never calls another door: ribbon commands call src/excel's use-cases."),
        ],
      }],

      // The ribbon's dialog speaks the user's language through say(), like the pane.
      "no-restricted-syntax": ["error", ...LANGUAGE_TERNARY],
    },
  },
  {
    // The double's own tests read unloaded properties on purpose: that is what they prove throws.
    files: ["test/double/**/*.test.ts"],
    rules: { "office-addins/call-sync-before-read": "off", "office-addins/load-object-before-read": "off", "office-addins/call-sync-after-load": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
