/** exceljs is needed only to create new files: loading it lazily keeps grade, log and check quick to start. */
export function loadInit(): Promise<typeof import("../../xlsx/init")> {
  return import("../../xlsx/init");
}
