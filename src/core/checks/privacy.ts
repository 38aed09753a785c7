import type { TableModel } from "../model/workbookModel";
import type { IssueSink } from "../issues/issueSink";

/**
 * Masks a phone number for display and shared copies: `13812345678` → `138****5678`. Never used to
 * rewrite a cell.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  const digits = s.replace(/\D/g, "");
  if (digits.length === 11 && /^1/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length >= 7) {
    // Landlines keep the area code and the last four digits.
    const m = /^(0\d{2,3})[-\s]?(\d+)$/.exec(s);
    if (m && m[1] !== undefined && m[2] !== undefined) return `${m[1]}-${"*".repeat(Math.max(m[2].length - 4, 0))}${m[2].slice(-4)}`;
    return `${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
  }
  return s;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** True when the 18 characters are a checksum-valid PRC resident ID number (GB 11643). */
export function isPrcIdNumber(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * (ID_WEIGHTS[i] ?? 0);
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return ID_CHECK[sum % 11] === s[17]?.toUpperCase();
}

/** Every checksum-valid ID number inside a text (the seeds forbid storing them). */
export function findPrcIdNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)) if (isPrcIdNumber(m[0])) found.push(m[0]);
  return found;
}

/** A masked ID number for messages: the first 6 and last 4 characters. */
export function maskIdNumber(s: string): string {
  return `${s.slice(0, 6)}********${s.slice(-4)}`;
}

/** CN mobile (1[3-9]x, 11 digits, optional +86) or landline (0 + area code, 7–8 digits, extension). */
export function isValidPhone(s: string): boolean {
  const x = s.normalize("NFKC").trim().replace(/[\s()]/g, "");
  if (/^(?:\+?86-?)?1[3-9]\d{9}$/.test(x)) return true;
  if (/^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/.test(x)) return true;
  return /^(?:400|800)-?\d{3}-?\d{4}$/.test(x);
}

export function isValidEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(s.trim());
}

/** Any text cell, ours or the user's, holding a checksum-valid PRC ID number. */
export function scanIdNumbers(t: TableModel, sink: IssueSink, rows: readonly number[]): void {
  for (const [key, cells] of Object.entries(t.cols)) {
    for (const i of rows) {
      const v = cells[i];
      const s = typeof v === "string" ? v : typeof v === "number" && v >= 1e16 ? String(v) : "";
      if (s.length < 18) continue;
      for (const found of findPrcIdNumbers(s)) sink.push("idNumberStored", key, i, maskIdNumber(found));
    }
  }
}
