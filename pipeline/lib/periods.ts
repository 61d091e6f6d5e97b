/** The period a statement covers, as an ISO 8601 date or interval: "In 2024" -> "2024", "since 2020" -> "2020/..". */
import { findDates } from './dates.js';

const OPEN_START = /\b(?:since|after|following)\s+$/i;
const RANGE_FROM = /\bfrom\s+$/i;
const RANGE_TO = /^\s*(?:to|until|till|–|-)\s+$/i;
const IN = /\b(?:in|during|for|throughout)\s+(?:the\s+(?:year|period)\s+)?$/i;

/** The first stated period in a sentence: a range, an open start, or "in <date>"; null when none. */
export function findPeriod(sentence: string): string | null {
  const dates = findDates(sentence);
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    const before = sentence.slice(Math.max(0, d.index - 30), d.index);
    const next = dates[i + 1];
    if (RANGE_FROM.test(before) && next && RANGE_TO.test(sentence.slice(d.index + d.length, next.index))) return `${d.iso}/${next.iso}`;
    if (OPEN_START.test(before)) return `${d.iso}/..`;
    if (IN.test(before)) return d.iso;
  }
  return null;
}
