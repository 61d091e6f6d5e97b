import { NUMBER_WORD_PATTERN, parseNumber, splitSentences } from './text.js';
import { parseToc } from './toc.js';

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

const NUMBER_IN_WORDS = String.raw`(?:${NUMBER_WORD_PATTERN})(?:\s+(?:thousand|hundred)(?:\s+(?:${NUMBER_WORD_PATTERN})(?:\s+hundred)?)?)?`;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${NUMBER_IN_WORDS})`;
/** A number, up to three lower-case words, then what is counted. */
const COUNTED = [
  'political prisoners|refusals|applications|cases of torture|complaints of torture|court judgments|signatures|signatories',
  'assemblies|arrests|detentions|political parties|times|people|persons|activists|detainees|civilians|journalists|protesters',
  'defendants|leaders|officers|employees|individuals|pensioners|have been|has been|are being|is being|were',
].join('|');
const COUNT = new RegExp(String.raw`(?<![\w.,-])${NUMBER}\s+((?:[a-z][\w-]*\s+){0,3}?)(${COUNTED})\b`, 'gi');

const PEOPLE = new RegExp(
  '^(?:people|persons|activists|detainees|civilians|journalists|protesters|defendants|leaders|officers|employees|individuals|pensioners' +
    '|signatories|have been|has been|are being|is being|were)$',
  'i',
);
/** What happened to the people counted, from the rest of the clause. */
const FATES: Array<[RegExp, string]> = [
  [/\bpre-?trial detention\b/i, 'people in pre-trial detention'],
  [/\bamnest/i, 'people amnestied'],
  [/\b(?:convicted|sentenced)\b/i, 'people convicted'],
  [/\bacquitted\b/i, 'people acquitted'],
  [/\breleased\b/i, 'people released'],
  [/\barrested\b/i, 'people arrested'],
  [/\bdetained\b/i, 'people detained'],
  [/\b(?:shot|killed|died)\b/i, 'people killed'],
  [/\b(?:were|was|been)\s+tortured\b|\btorturing\s*$/i, 'people tortured'],
];
/** Words just before the number that say what happened ("torturing 54 people", "amnesty … applied to 1,151 people"). */
const LEAD = /(?:\S+\s+){0,3}$/;
const CLAUSE_END = /[;:(]|,\s|\s[–—]\s|\.(?=\s|$)|\s(?:and|while|but|whereas)\s(?=another|the other|\d)/;

const words = (n: number) => (s: string) => s.split(/\s+/).slice(0, n).join(' ');

function unitOf(counted: string, clause: string, before: string, rest: string): string | null {
  const c = counted.toLowerCase();
  if (c === 'times') return /\brefus/i.test(before) ? 'refusals' : null;
  if (c === 'signatories') return 'signatures';
  if (c === 'detentions') return 'arrests';
  if (PEOPLE.test(c)) {
    const lead = /\bapplied to\s*$/i.test(before) ? before : LEAD.exec(before)![0];
    // The clause first, then the words before the number, then the rest of the sentence ("six leaders – A, B … were convicted").
    const fate = FATES.find(([re]) => re.test(clause)) ?? FATES.find(([re]) => re.test(lead)) ?? FATES.find(([re]) => re.test(rest));
    return fate ? fate[1] : 'people';
  }
  return c;
}

export interface LocatedCount {
  value: number;
  unit: string;
  subject: string;
  sentence: string;
  start: number;
  end: number;
}

/** Every count in a block's text, with the sentence it is in. */
export function findCounts(text: string): LocatedCount[] {
  const out: LocatedCount[] = [];
  if (parseToc(text).length) return out; // page numbers are not counts
  for (const s of splitSentences(text)) {
    for (const m of s.text.matchAll(COUNT)) {
      const value = parseCount(m[1]!);
      if (!Number.isFinite(value) || /^(?:19|20)\d\d$/.test(m[1]!) || /\bper\s*cent\b|%/.test(m[2]!)) continue;
      const after = s.text.slice(m.index + m[1]!.length).trimStart();
      const clause = after.split(CLAUSE_END)[0]!;
      const unit = unitOf(m[3]!, clause, s.text.slice(0, m.index), after);
      if (!unit) continue;
      out.push({ value, unit, subject: words(15)(clause.trim()), sentence: s.text, start: s.start, end: s.start + s.text.length });
    }
  }
  return out;
}
