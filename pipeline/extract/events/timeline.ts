/**
 * What a prisoner's events say about the case: the one rule for the verdict
 * date and the start of custody, and the figures journalists compute from
 * them (docs/events.md). Every figure is null where an input is missing.
 */
import { addMonths, earliest, latest, monthsBetween } from '../../lib/dates.js';
import type { Event } from '../../model/records/events.js';
import type { Prisoner } from '../../model/records/prisoners.js';
import { STARTS_CUSTODY, TERM_START } from './kinds.js';

type Origin = Prisoner['convicted_on_from'];
const ORIGINS = ['entry', 'group', 'narrative'] as const;

/** The date of the first origin (entry, else group, else narrative) that states one, picked by `pick`. */
function fromOrigins(events: Event[], pick: (dates: string[]) => string | null): { date: string | null; from: Origin } {
  for (const origin of ORIGINS) {
    const date = pick(events.filter((e) => e.origin === origin).map((e) => startOf(e.date)));
    if (date) return { date, from: origin };
  }
  return { date: null, from: 'not_stated' };
}

/** The start of a range, the date itself otherwise. */
export const startOf = (date: string) => date.split('/')[0]!;

const isVerdict = (e: Event) => e.kind === 'convicted' || e.kind === 'sentence_changed';
/** Detention in the case: an administrative arrest or a psychiatric placement is not custody in the case. */
const startsCustody = (e: Event) => e.kind === 'detained' && STARTS_CUSTODY.has(e.detention!);

/**
 * convicted_on: the latest verdict (a second sentence, or a court changing the
 * sentence, passes the sentence served now; an appeal left unchanged does not),
 * for the convicted list only. custody_since: the earliest detention in the case.
 */
export function caseDates(list: Prisoner['list'], events: Event[]) {
  const verdict = list === 'convicted' ? fromOrigins(events.filter(isVerdict), latest) : { date: null, from: 'not_stated' as const };
  const custody = fromOrigins(events.filter(startsCustody), earliest);
  return { convicted_on: verdict.date, convicted_on_from: verdict.from, custody_since: custody.date, custody_since_from: custody.from };
}

type CaseDates = ReturnType<typeof caseDates>;

/** The stated start of the prison term ("The term is calculated from …"), else the start of custody. */
export function termStart(events: Event[], custodySince: string | null): string | null {
  const stated = events.find((e) => e.origin === 'entry' && e.kind === 'detained' && TERM_START.test(e.text));
  return stated ? startOf(stated.date) : custodySince;
}

/** The figures of one prisoner: months to the verdict and in custody, the end of the term, the events. */
export function caseFigures(dates: CaseDates, sentenceMonths: number | null, events: Event[], reportDate: string | null) {
  const { custody_since, convicted_on } = dates;
  const start = sentenceMonths === null ? null : termStart(events, custody_since);
  return {
    months_custody_to_verdict: custody_since && convicted_on ? nonNegative(monthsBetween(custody_since, convicted_on)) : null,
    months_in_custody: custody_since && reportDate ? nonNegative(monthsBetween(custody_since, reportDate)) : null,
    term_ends_on: start && sentenceMonths !== null ? addMonths(start, sentenceMonths) : null,
    event_count: events.length,
    event_ids: events.map((e) => e.id),
  };
}

/** A negative span (a verdict printed before the detention) is not a duration: QA reports it, the figure is null. */
const nonNegative = (n: number | null) => (n === null || n < 0 ? null : n);
