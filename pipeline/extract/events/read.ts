/**
 * Dated statements of one text (an entry, a group's introduction, a block of
 * the narrative): each date a sentence states becomes one statement, of the
 * kind the sentence states for that date (docs/events.md says how).
 */
import { addDays } from '../../lib/dates.js';
import { findStatedDates, type Qualifier, type StatedDate } from '../../lib/stateddates.js';
import type { EventKind } from '../../model/records/events.js';
import { detentionOf, findKindWords, type KindMatch } from './kinds.js';

export interface Statement {
  date: string;
  qualifier: Qualifier | null;
  relative: boolean;
  kind: EventKind;
  detention: ReturnType<typeof detentionOf> | null;
  /** Index of the sentence in the list given. */
  sentence: number;
}

/** "On 5 May 2023, …", "However, in early May 2023 …": a date that opens the sentence dates its main clause. */
const OPENER =
  /^(?:\p{L}+,\s+)?(?:on|in|by|during|at|from|since|between)?\s*(?:early|mid-?|late|the (?:beginning|start|middle|end) of)?\s*$/iu;
/** "reported in June 2024 that …": the date of a report about the fact, not of the fact. */
const REPORTED = /\b(?:reported|said|stated|announced|wrote|learned|became known)\s+(?:in|on)\s+$/i;
/** Asides that name someone else or another time: ", who …,", ", one of those arrested …,". */
const ASIDE = /,\s+(?:who|whom|which|where|one of)\b[^,]*,/giu;
/** A keyword across one of these belongs to another clause: "convicted in 2019 for a fight that took place in 2017". */
const CLAUSE_BREAK = /\b(?:that|which|who|whom|where|when)\b|;/i;
/** "the trial of the officers who tortured him": a kind word in a relative clause is not the main clause's. */
const IN_RELATIVE = /\b(?:who|which|that)\s+(?:\w+\s+)?$/i;

const masked = (sentence: string) => sentence.replace(ASIDE, (m) => ' '.repeat(m.length));

/** The kind word a date belongs to: the main clause's first for an opening date, else the nearest in its clause. */
function kindWordFor(sentence: string, date: StatedDate, words: KindMatch[]): KindMatch | null {
  const end = date.index + date.length;
  const mainClause = (w: KindMatch) => w.index >= end && !IN_RELATIVE.test(sentence.slice(end, w.index));
  if (OPENER.test(sentence.slice(0, date.index))) return words.find(mainClause) ?? null;
  const between = (w: KindMatch) => (w.index >= end ? sentence.slice(end, w.index) : sentence.slice(w.index + w.length, date.index));
  const distance = (w: KindMatch) => (w.index >= end ? w.index - end : date.index - (w.index + w.length) + 0.5);
  const eligible = words.filter((w) => !CLAUSE_BREAK.test(between(w)));
  return eligible.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

function statementsOf(sentence: string, index: number): Statement[] {
  const dates = findStatedDates(sentence);
  if (!dates.length) return []; // most sentences: no date, nothing more to read
  const text = masked(sentence);
  const words = findKindWords(text);
  return dates.map((date) => {
    const reported = REPORTED.test(sentence.slice(Math.max(0, date.index - 30), date.index));
    const word = reported ? null : kindWordFor(text, date, words);
    const kind = word?.kind ?? 'other';
    const detention = kind === 'detained' ? detentionOf(sentence, word!.index) : null;
    return { date: date.date, qualifier: date.qualifier, relative: false, kind, detention, sentence: index };
  });
}

/** Relative dates: the phrase, and the date it gives from the anchor (null where the precision cannot follow). */
const RELATIVE: Array<[RegExp, (anchor: string) => string | null]> = [
  [/^(?:on )?the (?:next|following) day\b|\bthe (?:next|following) day,/i, (a) => addDays(a, 1)],
  [/^(?:on )?the same day\b/i, (a) => a],
  // "a few days later": the same month while the anchor is early enough in it for a few days (up to a week) to stay there
  [/^(?:a few|several|some) days later\b/i, (a) => (a.length === 10 && Number(a.slice(8)) <= 24 ? a.slice(0, 7) : null)],
];

/** A statement dated by a relative phrase that opens the sentence; the anchor is the last single date stated before it. */
function relativeStatement(sentence: string, index: number, anchor: string | null): Statement | null {
  if (!anchor) return null;
  const rule = RELATIVE.find(([re]) => re.test(sentence));
  const date = rule?.[1](anchor);
  if (!date) return null;
  const words = findKindWords(masked(sentence));
  const word = words[0];
  const kind = word?.kind ?? 'other';
  const detention = kind === 'detained' ? detentionOf(sentence, word!.index) : null;
  return { date, qualifier: null, relative: true, kind, detention, sentence: index };
}

/** Every dated statement of the sentences, in order. */
export function readStatements(sentences: string[]): Statement[] {
  const out: Statement[] = [];
  let anchor: string | null = null;
  sentences.forEach((sentence, i) => {
    const stated = statementsOf(sentence, i);
    if (stated.length) {
      out.push(...stated);
      const last = stated.at(-1)!.date;
      anchor = last.includes('/') ? null : last;
      return;
    }
    const relative = relativeStatement(sentence, i, anchor);
    if (relative) out.push(relative);
  });
  return out;
}
