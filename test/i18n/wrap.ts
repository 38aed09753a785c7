/**
 * A pseudo-locale for tests: every catalogue text wrapped in ⟦…⟧ (parameters kept), so a text a
 * person reads that is not wrapped did not come from a catalogue. `settings` are not words and stay.
 * No imports: jest.mock factories load this before any catalogue exists.
 */
type Sections = Readonly<Record<string, Readonly<Record<string, string>>>>;

export function pseudo<T extends Sections>(catalogue: T): T {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, texts] of Object.entries(catalogue)) {
    const section: Record<string, string> = {};
    for (const [k, v] of Object.entries(texts)) section[k] = name === "settings" ? v : `⟦${v}⟧`;
    out[name] = section;
  }
  return out as unknown as T;
}

/** A locale module with its catalogue pseudo-translated: `jest.mock(path, () => pseudoLocale("en-US"))`. */
export function pseudoLocale(lang: "en-US" | "zh-CN"): Record<string, Sections> {
  const file = `../../src/core/i18n/locales/${lang}`;
  const actual = jest.requireActual(file) as Record<string, Sections>;
  return Object.fromEntries(Object.entries(actual).map(([name, catalogue]) => [name, pseudo(catalogue)]));
}

/** A words module of its own (one flat list, like locales/demo.*.ts) pseudo-translated: `jest.mock(path, () => pseudoWords("demo.en-US"))`. */
export function pseudoWords(file: string): Sections {
  return pseudo(jest.requireActual(`../../src/core/i18n/locales/${file}`) as Sections);
}
