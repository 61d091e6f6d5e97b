/**
 * A spelling-independent key for a personal name transliterated from Kazakh
 * or Russian, so that "Mendygaziyev" and "Mendygazyev", "Yensebek" and
 * "Ensebek", "Kiysymbayev" and "Kiisimbaev" get the same key. The folds are
 * the ambiguities of Latin transliteration, not a list of names:
 *   case, diacritics, hyphens and apostrophes; a possessive "'s";
 *   "Ye"/"E" at the start of a word; endings -iyev/-yev/-ayev/-aev/-iev/-ev
 *   (and their feminine -a forms); dzh/zh/j; kh/h; y/i; doubled letters.
 * Words stay separate: nameKey("Temirlan YENSEBEK") = "temirlan ensebek".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map(foldWord)
    .join(' ');
}

function foldWord(word: string): string {
  return word
    .replace(/[-'’.]/g, '')
    .replace(/^ye/, 'e')
    .replace(/(?:iyev|ayev|yev|aev|iev)(a?)$/, 'ev$1')
    .replace(/dzh|zh|j/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/y/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
}
