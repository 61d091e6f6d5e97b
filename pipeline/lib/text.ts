/** Generic text helpers shared by front ends and extractors. */
import { SENTENCE_START } from './capitals.js';

/** Collapse runs of whitespace to one space and trim. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface Sentence {
  text: string;
  /** Offset of the sentence in the text it was split from. */
  start: number;
}

/**
 * Split prose into sentences: a full stop (or ! ?), optional closing quotes or
 * brackets, then space and a capital, digit or opening quote. Dates like
 * 10.02.2023 and amounts like 1.5 have no space after the dot, so they stay whole.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = new RegExp(String.raw`[.!?]["”’)\]]*\s+(?=${SENTENCE_START})`, 'gu');
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].trimEnd().length;
    out.push({ text: text.slice(start, end), start });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out.filter((s) => s.text.trim().length > 0);
}

/** "ORAZALIYEV" -> "Orazaliyev", "ZHAN-MARAT" -> "Zhan-Marat". */
export function normalCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’\s])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** True when the text ends a sentence (so a following block is not its continuation). */
export const endsSentence = (text: string) => /[.!?:;]["”’)\]]*$/.test(text.trimEnd());

/** True when the text starts like the middle of a sentence. */
export const startsMidSentence = (text: string) => /^[\p{Ll}]/u.test(text.trimStart());

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  'twenty-five': 25,
  thirty: 30,
};
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "6.5" -> 6.5, "seven" -> 7, "1,273" -> 1273; NaN when not a number. */
export function parseNumber(s: string): number {
  const w = NUMBER_WORDS[s.toLowerCase()];
  if (w !== undefined) return w;
  return Number(s.replace(/,(?=\d{3}\b)/g, ''));
}
