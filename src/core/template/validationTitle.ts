/** Excel refuses a data-validation prompt or error title longer than this (UTF-16 code units). */
export const VALIDATION_TITLE_MAX = 32;

/**
 * A data-validation title that Excel accepts: the text itself when it fits, else cut at the last
 * word boundary that leaves room for "…" (a text without spaces, such as Chinese, at a character).
 * Every title of ours goes through here, so no caller cuts a word in half with its own `slice`.
 * @example validationTitle("Potential - close after (days)") === "Potential - close after (days)"
 * @example validationTitle("A label far too long to be a validation title") === "A label far too long to be a…"
 */
export function validationTitle(text: string): string {
  if (text.length <= VALIDATION_TITLE_MAX) return text;
  const head = text.slice(0, VALIDATION_TITLE_MAX - 1);
  const space = head.lastIndexOf(" ");
  const cut = space > 0 ? head.slice(0, space) : head;
  // A cut between the halves of a surrogate pair would leave half a character.
  const whole = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  return `${whole.trimEnd()}…`;
}
