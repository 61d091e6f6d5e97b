import { NUMBER_WORD_PATTERN, parseNumber } from './text.js';

/** A prison term as printed: "6.5 years' imprisonment", "5 years and 1 month of imprisonment". */
export interface Term {
  months: number;
  index: number;
  length: number;
}

const NUM = `(\\d+(?:\\.\\d+)?|${NUMBER_WORD_PATTERN})`;
const TERM = new RegExp(
  `\\b${NUM}[\\s-]+(years?|months?)(?:\\s+and\\s+${NUM}\\s+(months?))?` +
    `(?:['’]|\\s+of)?\\s+(?:imprisonment|in\\s+(?:prison|a\\s+penal\\s+colony|a\\s+colony))`,
  'giu',
);

const toMonths = (n: string, unit: string) => Math.round(parseNumber(n) * (/^year/i.test(unit) ? 12 : 1));

/** Every prison term in the text, in order. Restriction of liberty and bans are not imprisonment. */
export function findTerms(text: string): Term[] {
  return [...text.matchAll(TERM)].map((m) => ({
    months: toMonths(m[1]!, m[2]!) + (m[3] ? toMonths(m[3], m[4]!) : 0),
    index: m.index,
    length: m[0].length,
  }));
}
