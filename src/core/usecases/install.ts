// The install use-case is ./planInstall.ts and the template pieces it is built from live in
// ../template (validations, highlights, rulesSheet) and ../_lib/a1 (three files were named
// install.ts). What is left here is only what the file door and bench still import by this path;
// drop a line once its last importer moves to the new path.
export { planInstall } from "./planInstall"; // src/xlsx/init.ts
export { statusColumnsAt } from "../template/highlights"; // ./grade.ts, bench/writeBook.ts
