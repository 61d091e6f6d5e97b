/**
 * Dates as a statement gives them: one date, a range of two whole dates
 * ("from May 2022 to June 2023", "2015–17"), with a qualifier ("in early May
 * 2023", "the beginning of 2019").
 */
import { findDates, type FoundDate } from './dates.js';

export type Qualifier = 'early' | 'mid' | 'late';

export interface StatedDate {
  /** ISO date, or "start/end" for a range. */
  date: string;
  qualifier: Qualifier | null;
  /** Offset and length in the sentence, the whole range included. */
  index: number;
  length: number;
}

const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/\b(?:early|the beginning of|the start of)\s+$/i, 'early'],
  [/\b(?:mid-?|the middle of\s+)$/i, 'mid'],
  [/\b(?:late|the end of)\s+$/i, 'late'],
];
const RANGE_FROM = /\b(?:from|between)\s+$/i;
const RANGE_TO = /^\s*(?:to|until|till|and)\s+$/i;
const DASH = /^\s*[–—-]\s*$/;
/** "2015–17": a year range whose end is printed with two digits. */
const SHORT_YEAR_END = /^[–—-](\d{2})\b/;

/** "from 21 to 23 August 2023", "21–23 August 2023": a first day printed without its month. */
const DAY_BEFORE = /\b(\d{1,2})\s*(?:[–—-]|to|until|till)\s*$/i;

function dayRange(sentence: string, d: FoundDate): StatedDate | null {
  const day = DAY_BEFORE.exec(sentence.slice(Math.max(0, d.index - 20), d.index));
  if (d.iso.length !== 10 || !day || Number(day[1]) >= Number(d.iso.slice(8))) return null;
  const start = d.index - day[0].length;
  const first = `${d.iso.slice(0, 8)}${day[1]!.padStart(2, '0')}`;
  return { date: `${first}/${d.iso}`, qualifier: null, index: start, length: d.index + d.length - start };
}

const qualifierBefore = (before: string) => QUALIFIERS.find(([re]) => re.test(before))?.[1] ?? null;

function shortYearRange(sentence: string, d: FoundDate): StatedDate | null {
  if (!/^\d{4}$/.test(d.iso)) return null;
  const end = SHORT_YEAR_END.exec(sentence.slice(d.index + d.length));
  if (!end) return null;
  const endYear = `${d.iso.slice(0, 2)}${end[1]}`;
  return endYear > d.iso ? { date: `${d.iso}/${endYear}`, qualifier: null, index: d.index, length: d.length + end[0].length } : null;
}

/** Every date the sentence states, ranges joined, in order. */
export function findStatedDates(sentence: string): StatedDate[] {
  const dates = findDates(sentence);
  const out: StatedDate[] = [];
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    const next = dates[i + 1];
    const before = sentence.slice(Math.max(0, d.index - 20), d.index);
    const between = next ? sentence.slice(d.index + d.length, next.index) : '';
    const qualifier = qualifierBefore(before);
    if (next && ((RANGE_FROM.test(before) && RANGE_TO.test(between)) || DASH.test(between)) && next.iso > d.iso) {
      out.push({ date: `${d.iso}/${next.iso}`, qualifier, index: d.index, length: next.index + next.length - d.index });
      i++;
      continue;
    }
    out.push(shortYearRange(sentence, d) ?? dayRange(sentence, d) ?? { date: d.iso, qualifier, index: d.index, length: d.length });
  }
  return out;
}
