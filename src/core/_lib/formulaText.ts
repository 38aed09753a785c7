/**
 * Pieces of the live formulas we write (status, countdown, dashboard): text quoted for a formula, and
 * a cell compared with several labels. Excel, WPS and LibreOffice all read these without a prefix.
 */

/**
 * A string literal inside a formula: doubled quotes.
 * @example formulaString('say "hi"') === '"say ""hi"""'
 */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * True when a cell equals any of the labels (Excel's `=` ignores case).
 * @example anyOf("$A2", ["输单", "Lost"]) === 'OR($A2="输单",$A2="Lost")'
 */
export function anyOf(cell: string, labels: readonly string[]): string {
  return `OR(${labels.map((l) => `${cell}=${formulaString(l)}`).join(",")})`;
}
