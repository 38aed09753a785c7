/** OWASP CSV/formula-injection vectors, and text that must never turn into a number or a date. */
export const INJECTION = [
  "=1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"点我\")",
  "+86 138 0013 8000", "-", "=", "@", "2026-05-01", "13800138000", "TRUE", "1e5",
] as const;
