// The install use-case is ./planInstall.ts and the template pieces it is built from live in
// ../template (validations, highlights, rulesSheet) and ../_lib/a1; this file re-exports them for
// the doors until they import the new paths (three files were named install.ts): only what
// src/excel, src/xlsx and bench still import from here is left.
export { planInstall } from "./planInstall";
export { columnValidations } from "../template/validations";
export { highlightRules, statusColumnsAt } from "../template/highlights";
export { sheetRef } from "../_lib/a1";
export { missingColumns } from "../model/headers";
