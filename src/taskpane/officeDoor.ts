import { fromLocalDate, type DayNumber } from "../core/_lib/calendar";
import * as uc from "../excel/usecases";
import type { WorkbookApi } from "./workbookApi";

/** The task pane's calendar day: the user's local date, read once per call. */
function localToday(): DayNumber {
  return fromLocalDate(new Date()) as DayNumber;
}

/** The real door: every call is one use-case of src/excel. */
export function createOfficeWorkbook(): WorkbookApi {
  return {
    status: () => uc.templateStatus(),
    install: (lang, confirm, user) => uc.installTemplate(lang, confirm, user, new Date()),
    logFollowUp: (input, user) => uc.logFollowUp(input, localToday(), user, new Date()),
    grade: (user, onProgress) => uc.gradeWorkbook(localToday(), user, new Date(), onProgress),
    check: () => uc.checkWorkbook(localToday()),
    select: (address) => uc.selectCell(address),
    customers: () => uc.listCustomers(localToday()),
    card: (row) => uc.customerCard(row, localToday()),
    watchSelection: (onRow) => uc.watchSelection(onRow),
    today: localToday,
  };
}
