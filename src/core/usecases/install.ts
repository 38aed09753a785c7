// The install use-case is ./planInstall.ts and the template pieces it is built from live in
// ../template (validations, highlights, rulesSheet) and ../_lib/a1; this file re-exports them for
// the doors until they import the new paths (three files were named install.ts).
export { planInstall } from "./planInstall";
export { LAST_ROW, columnValidations } from "../template/validations";
export { highlightRules, statusColumnsAt, type Positions } from "../template/highlights";
export { ruleRow, rulesRows } from "../template/rulesSheet";
export { sheetRef } from "../_lib/a1";
export { missingColumns } from "../model/headers";
