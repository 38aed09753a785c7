import type { SheetKey } from "../template/sheets";

/** Every problem core can report; the doors turn a code into words (see i18n/messages). */
export type IssueCode =
  | "missingSheet"
  | "missingColumn"
  | "unreadableDate"
  | "unreadableAmount"
  | "unknownLabel"
  | "invalidRule"
  | "duplicateId"
  | "likelyDuplicateName"
  | "likelyDuplicatePhone"
  | "missingRequired"
  | "phoneMalformed"
  | "emailMalformed"
  | "unknownCustomerId"
  | "idNumberStored"
  | "futureFollowUp"
  | "closeDatePassed"
  | "negativeAmount"
  | "amountTooSmall"
  | "noContactMethod"
  | "futureComplaint"
  | "complaintOutOfOrder"
  | "satisfactionRange"
  | "alreadyFilled"
  | "noDecisionMaker"
  | "notInPool"
  | "invalidOwner";

export type Severity = "error" | "warning";

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly sheet: SheetKey;
  /** The worksheet's name as it is in the workbook. */
  readonly sheetName: string;
  /** 1-based worksheet row, or null for a sheet-level issue. */
  readonly row: number | null;
  /** The column's header as it stands in the workbook, or null. */
  readonly column: string | null;
  /** Column key, for selecting the cell. */
  readonly columnKey: string | null;
  /** The offending value as text (masked where it is personal data), or a detail such as another row. */
  readonly value?: string;
  readonly other?: number;
}
