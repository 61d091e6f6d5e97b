/**
 * Spelling-independent keys for personal names transliterated from Kazakh or
 * Russian, so that "Sampliyev" and "Samplyev", "Yerkinov" and "Erkinov",
 * "Kiysymov" and "Kiisimov" fold alike. The folds are the ambiguities of
 * Latin transliteration, not a list of names. One fold serves both matching
 * mentions (nameKey) and stable identity (pipeline/identity/key.ts).
 */

/**
 * The steps of the fold, in order, after NFKD normalisation: data, so that the
 * release's website can fold a search query in the browser with the same steps.
 */
export const FOLD_STEPS: readonly (readonly [RegExp, string])[] = [
  [/[\u0300-\u036f]/g, ''], // diacritics
  [/[^a-z]/g, ''], // hyphens, apostrophes, dots (after lower-casing)
  [/^ye/, 'e'], // Yerzhan / Erzhan
  [/dzh|zh|j/g, 'j'], // Zhanat / Janat / Dzhanat
  [/kh/g, 'h'], // Mukhamet / Muhamet
  [/y/g, 'i'], // Tyldykov / Tildikov, Kiysym- / Kiisim-
  [/[ai]+ev(a?)$/, 'ev$1'], // -iyev / -yev / -ev / -aev / -ayev, and their feminine -eva
  [/(.)\1+/g, '$1'], // Abdulla / Abdula, Kiisim- after y -> i
];

/**
 * Words already folded: matching mentions folds each word of the report up to five times (once per window of words
 * it starts or ends), eight regular expressions each time. Cleared when full, so a long-lived process stays bounded.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 50_000;

/** Fold one word: case, diacritics, hyphens, Zh/J/Dzh, Kh/H, Ye/E at the start, y/i, -iyev/-yev/-ev/-aev/-ayev, doubled letters. */
export function foldWord(word: string): string {
  let fold = folded.get(word);
  if (fold === undefined) {
    fold = FOLD_STEPS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), word.normalize('NFKD').toLowerCase());
    if (folded.size >= FOLDED_KEPT) folded.clear();
    folded.set(word, fold);
  }
  return fold;
}

/** Key of a name as printed, words kept apart: nameKey("Aset YERKINOV") = "aset erkinov". A possessive "'s" is dropped. */
export function nameKey(name: string): string {
  return name
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .map(foldWord)
    .filter(Boolean)
    .join(' ');
}
