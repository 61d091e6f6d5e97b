/**
 * Spelling-independent keys for personal names transliterated from Kazakh or
 * Russian, so that "Sampliyev" and "Samplyev", "Yerkinov" and "Erkinov",
 * "Kiysymov" and "Kiisimov" fold alike. The folds are the ambiguities of
 * Latin transliteration, not a list of names. One fold serves both matching
 * mentions (nameKey) and stable identity (pipeline/identity/key.ts).
 */

/** Fold one word: case, diacritics, hyphens, Zh/J/Dzh, Kh/H, Ye/E at the start, y/i, -iyev/-yev/-ev/-aev/-ayev, doubled letters. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '') // hyphens, apostrophes, dots
    .replace(/^ye/, 'e') // Yerzhan / Erzhan
    .replace(/dzh|zh|j/g, 'j') // Zhanat / Janat / Dzhanat
    .replace(/kh/g, 'h') // Mukhamet / Muhamet
    .replace(/y/g, 'i') // Tyldykov / Tildikov, Kiysym- / Kiisim-
    .replace(/[ai]+ev(a?)$/, 'ev$1') // -iyev / -yev / -ev / -aev / -ayev, and their feminine -eva
    .replace(/(.)\1+/g, '$1'); // Abdulla / Abdula, Kiisim- after y -> i
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
