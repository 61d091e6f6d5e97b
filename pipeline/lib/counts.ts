import { parseNumber } from './text.js';

/** "1,273" -> 1273, "seven" -> 7, "three thousand" -> 3000, "one thousand six hundred" -> 1600; NaN when not a number. */
export function parseCount(text: string): number {
  let total = 0;
  let current = 0;
  for (const word of text.toLowerCase().trim().split(/\s+/)) {
    if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (word === 'hundred') current = (current || 1) * 100;
    else current += parseNumber(word);
  }
  return total + current;
}

/** "1 record", "3 records": a count with its noun, plural by adding s. */
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
