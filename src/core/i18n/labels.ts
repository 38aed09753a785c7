import type { Texts } from "./lang";
import type { Status } from "../followup/derive";

export const STATUS_LABELS: Readonly<Record<Status, Texts>> = {
  ok: { "zh-CN": "正常", "en-US": "OK" },
  overdue: { "zh-CN": "逾期", "en-US": "Overdue" },
  dormant: { "zh-CN": "沉睡", "en-US": "Dormant" },
  closed: { "zh-CN": "已关闭", "en-US": "Closed" },
};

export const GRADE_LABELS = {
  toAssess: { "zh-CN": "待评估", "en-US": "To assess" },
} as const;
