// Lint: TypeScript's recommended rules, Office's own add-in rules, and the one-way rooms of ARCHITECTURE.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const core = "src/core must stay pure (no Office.js, React, Fluent UI, exceljs or Node built-ins): every door (task pane, ribbon, command line) runs the same rules, and tests run them without Excel.";
const doorsOnly = (why) => ({ message: why });

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
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass `today` in: core never reads the clock." }],
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["react", "react-*", "@fluentui/*", "exceljs", "fflate", "@microsoft/office-js", "office-*"], message: core },
          { group: ["node:*", "fs", "path", "os", "child_process", "crypto", "stream", "zlib", "util", "buffer"], message: core },
          { group: ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**", "**/commands/**"], message: core },
        ],
      }],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    ignores: ["src/taskpane/index.tsx", "src/taskpane/officeDoor.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "The UI never calls Excel: use the use-cases from src/excel through props or useWorkbook()." }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/xlsx/**", "**/cli/**"], ...doorsOnly("A door never calls another door.") }] }],
    },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "The file door has no Office.js." }, { name: "Office", message: "The file door has no Office.js." }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/excel/**", "**/taskpane/**", "**/commands/**"], ...doorsOnly("A door never calls another door: the command line goes through src/xlsx.") }] }],
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
