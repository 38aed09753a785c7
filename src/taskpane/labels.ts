import type { Grade } from "../core/grading/gradeCustomer";
import type { Status } from "../core/followup/derive";
import type { StringKey } from "./strings";

export const GRADE_KEY: Readonly<Record<Grade | "none", StringKey>> = { A: "gradeA", B: "gradeB", C: "gradeC", toAssess: "gradeToAssess", none: "gradeNone" };
export const STATUS_KEY: Readonly<Record<Status, StringKey>> = { ok: "statusOk", overdue: "statusOverdue", dormant: "statusDormant", closed: "statusClosed" };
