/** Events on synthetic entries (invented names): every kind, every date form, group and narrative events, each figure and its nulls. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStatements } from '../pipeline/extract/events/read.js';
import { caseFigures } from '../pipeline/extract/events/timeline.js';
import { addMonths, monthsBetween } from '../pipeline/lib/dates.js';
import { findStatedDates } from '../pipeline/lib/stateddates.js';
import { computeSummaries } from '../pipeline/publish/summaries.js';
import { buildQaReport } from '../pipeline/qa/report.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf } from './helpers.js';

const doc = modelOf(readFileSync(fixture('events-report.md'), 'utf8'), 'events-report.md');
const { dataset } = extractAll(doc, 'ev');
const { events, prisoners } = dataset;
const person = (id: string) => prisoners.find((p) => p.id === id)!;
/** One person's events as "origin kind date", in the table's order. */
const timeline = (id: string) => events.filter((e) => e.prisoner_id === id).map((e) => `${e.origin} ${e.kind} ${e.date}`);
const one = (sentence: string) =>
  readStatements([sentence]).map(({ kind, date, detention, qualifier }) => ({ kind, date, detention, qualifier }));

describe('date forms', () => {
  it.each([
    ['Convicted on 2 May 2024.', '2024-05-02'],
    ['Convicted on May 2, 2024.', '2024-05-02'],
    ['Sentenced on 10.02.2023.', '2023-02-10'],
    ['Convicted in September 2022.', '2022-09'],
    ['First convicted in 2019.', '2019'],
    ['He has been in custody since 2 February 2023.', '2023-02-02'],
    ['He worked there from May 2019 to June 2020.', '2019-05/2020-06'],
    ['He worked there in 2016–18.', '2016/2018'],
    ['From 1 to 20 September 2024 he went on hunger strike.', '2024-09-01/2024-09-20'],
  ])('%s -> %s', (sentence, date) => expect(one(sentence)[0]!.date).toBe(date));

  it('"in early May 2023", "the beginning of 2019", "late 2020": the date at its precision, with its qualifier', () => {
    expect(findStatedDates('In early May 2023 she was arrested.').map((d) => [d.date, d.qualifier])).toEqual([['2023-05', 'early']]);
    expect(findStatedDates('Since the beginning of 2019 he protested.').map((d) => [d.date, d.qualifier])).toEqual([['2019', 'early']]);
    expect(findStatedDates('By late 2020 he left.').map((d) => [d.date, d.qualifier])).toEqual([['2020', 'late']]);
  });

  it('a date that is not a date (31.02.2023) is not read', () => expect(one('Detained on 31.02.2023.')).toEqual([]));
});

describe('kinds', () => {
  it.each([
    ['Detained on 10.03.2024.', 'detained'],
    ['A criminal case was opened against him on 1 March 2024.', 'charged'],
    ['On 2 April 2024 the trial began.', 'trial_started'],
    ['Convicted on 2 May 2024.', 'convicted'],
    ['She received her second sentence in March 2023.', 'convicted'],
    ['On 3 July 2024, the appeal court reduced his sentence.', 'sentence_changed'],
    ['On 15 August 2024, the Court of Appeal left the verdict unchanged.', 'appeal_rejected'],
    ['In August 2024 he was transferred to a penal colony.', 'transferred'],
    ['On 2 October 2024 he was released on recognisance.', 'released'],
    ['In June 2023 she was placed under house arrest.', 'released'],
    ['From 1 to 20 September 2024 he went on hunger strike.', 'hunger_strike'],
    ['On 5 October 2024 he was beaten by guards.', 'ill_treatment'],
    ['In 2015 he founded a newspaper.', 'other'],
  ])('%s -> %s', (sentence, kind) => expect(one(sentence)[0]!.kind).toBe(kind));

  it('the kind of detention: administrative "for N days", a court\'s order "for N months", extradition, psychiatric', () => {
    expect(one('In January 2022 she was arrested for 15 days for a picket.')[0]!.detention).toBe('administrative');
    expect(one('On 18 January 2025, he was arrested for two months.')[0]!.detention).toBe('arrest_order');
    expect(one('He was detained on 15 February 2024 and placed under extradition arrest.')[0]!.detention).toBe('extradition');
    expect(one('On 10 June 2021 he was placed in a psychiatric hospital.')[0]!.detention).toBe('psychiatric');
    expect(one('Detained on 17 January 2025, after which she was arrested for 2 months.')[0]!.detention).toBe('criminal');
  });

  it('one date, one kind: the nearest in its clause; an opening date dates the main clause', () => {
    const fight = one('First convicted in 2019 for a street fight that took place in 2017.');
    expect(fight.map((s) => [s.date, s.kind])).toEqual([
      ['2019', 'convicted'],
      ['2017', 'other'],
    ]);
    expect(one('On 4 October 2024, journalist Anna Testova, who ran a blog, was sentenced.').map((s) => s.kind)).toEqual(['convicted']);
    expect(one('On 12 February 2025, the trial of the guards who tortured him was completed.').map((s) => s.kind)).toEqual(['other']);
    expect(one('In February 2023, Testov transferred 500 dollars to a friend.').map((s) => s.kind)).toEqual(['other']);
    // the date of a report about a fact is not the fact's
    expect(one('His wife reported in June 2024 that a case had been opened against her.').map((s) => s.kind)).toEqual(['other']);
  });

  it('relative dates only where the anchor is stated, at the precision that follows', () => {
    const read = (sentences: string[]) => readStatements(sentences).map((s) => [s.date, s.kind, s.relative]);
    expect(read(['On 4 January 2023 he was injured.', 'The next day he was detained.', 'A few days later he was charged.'])).toEqual([
      ['2023-01-04', 'other', false],
      ['2023-01-05', 'detained', true],
      ['2023-01', 'charged', true],
    ]);
    expect(read(['The next day he was detained.'])).toEqual([]);
    // a few days after the 28th may be the next month: no date
    expect(read(['On 28 January 2023 he was injured.', 'A few days later he was detained.'])).toEqual([['2023-01-28', 'other', false]]);
    expect(read(['In 2023 he was injured.', 'The next day he was detained.'])).toEqual([['2023', 'other', false]]);
  });
});

describe('events of a synthetic report', () => {
  it("an entry's whole chronology, in date order, with stable ids", () => {
    expect(timeline('bolat-fakeyev')).toEqual([
      'entry other 2015',
      'entry other 2016/2018',
      'entry other 2019-05/2020-06',
      'narrative detained 2024-03',
      'entry charged 2024-03-01',
      'entry detained 2024-03-10',
      'entry trial_started 2024-04-02',
      'entry convicted 2024-05-02',
      'entry sentence_changed 2024-07-03',
      'entry transferred 2024-08',
      'entry hunger_strike 2024-09-01/2024-09-20',
      'entry ill_treatment 2024-10-05',
    ]);
    expect(person('bolat-fakeyev').event_ids.slice(0, 4)).toEqual([
      'bolat-fakeyev-other-2015-1',
      'bolat-fakeyev-other-2016-2018-1',
      'bolat-fakeyev-other-2019-05-2020-06-1',
      'bolat-fakeyev-detained-2024-03-1',
    ]);
    const e = events.find((x) => x.id === 'bolat-fakeyev-detained-2024-03-10-1')!;
    expect(e).toMatchObject({ section_id: 'convicted-one-by-one', text: 'Detained on 10.03.2024.' });
    expect(e.source).toEqual({ id: 'ev', line_start: 20, line_end: 24 });
  });

  it("group events: each member's, from the introduction, only those stated for the whole group", () => {
    for (const id of ['nurlan-placeholderov', 'aigul-fictiva']) {
      expect(timeline(id).filter((t) => t.startsWith('group'))).toEqual(['group detained 2024-09-29', 'group detained 2024-10-01']);
    }
    // "Aidos Otherov, one of those arrested, was released" and "Vera Outsider died" are not events of the group
    expect(events.some((e) => e.origin === 'group' && /Otherov|Outsider/.test(e.text))).toBe(false);
  });

  it('narrative events: a sentence naming the prisoner, not a namesake, not a roll of three names; one vowel apart', () => {
    const narrative = events.filter((e) => e.origin === 'narrative');
    expect(narrative.map((e) => `${e.prisoner_id} ${e.kind} ${e.date}`)).toEqual([
      'bolat-fakeyev detained 2024-03',
      'gulnara-testova convicted 2023-06-09',
      'timur-karimbayev detained 2023-03-03',
    ]);
    // "Timur Kirimbayev" is Timur KARIMBAYEV; "Ruslan Kirimbayev" is nobody on the list
    const timur = dataset.mentions.filter((m) => m.prisoner_id === 'timur-karimbayev');
    expect(timur.map((m) => m.name_as_printed)).toEqual(['Timur Kirimbayev']);
    expect(person('timur-karimbayev').aliases).toEqual(['Timur Kirimbayev']);
  });

  it('convicted_on and custody_since come from events, with where they came from', () => {
    const dates = (id: string) => {
      const p = person(id);
      return [p.convicted_on, p.convicted_on_from, p.custody_since, p.custody_since_from];
    };
    // the court that reduced the sentence passed the one served now
    expect(dates('bolat-fakeyev')).toEqual(['2024-07-03', 'entry', '2024-03-10', 'entry']);
    // the administrative arrest of May 2023 is not custody in the case
    expect(dates('dina-mockova')).toEqual(['2023-02-01', 'entry', '2022-04', 'entry']);
    expect(dates('erlan-nobodov')).toEqual([null, 'not_stated', null, 'not_stated']);
    expect(dates('gulnara-testova')).toEqual(['2023-06-09', 'narrative', '2023-02-02', 'entry']);
    expect(dates('nurlan-placeholderov')).toEqual([null, 'not_stated', '2024-09-29', 'group']);
    expect(dates('aigul-fictiva')).toEqual([null, 'not_stated', '2025-01-17', 'entry']);
  });

  it('figures, each null where an input is missing', () => {
    const figures = (id: string) => {
      const p = person(id);
      return [p.months_custody_to_verdict, p.months_in_custody, p.term_ends_on, p.event_count];
    };
    // report of 1 March 2025; custody 10 March 2024; 60 months from custody
    expect(figures('bolat-fakeyev')).toEqual([3, 11, '2029-03-10', 12]);
    // month-precision custody; "The term is calculated from 18 May 2022" starts the term
    expect(figures('dina-mockova')).toEqual([10, 35, '2026-05-18', 5]);
    expect(figures('erlan-nobodov')).toEqual([null, null, null, 0]);
    // a verdict known only by its year gives no months
    expect(figures('kairat-yearlyov')).toEqual([null, 81, '2020-06-01', 2]);
    // a verdict before the detention is not a duration (QA reports it)
    expect(figures('askar-backwardov')).toEqual([null, 45, '2027-05-05', 3]);
    // pre-trial: no sentence, so no term
    expect(figures('nurlan-placeholderov')).toEqual([null, 5, null, 3]);
  });

  it("without the report's date, months in custody is null", () => {
    const dates = {
      convicted_on: '2024-01-01',
      convicted_on_from: 'entry',
      custody_since: '2023-01-15',
      custody_since_from: 'entry',
    } as const;
    const figures = caseFigures(dates, 24, [], null);
    expect(figures).toMatchObject({ months_custody_to_verdict: 11, months_in_custody: null, term_ends_on: '2025-01-15' });
    const yearOnly = caseFigures({ ...dates, custody_since: '2023' }, 24, [], '2025-01-01');
    expect(yearOnly).toMatchObject({ months_custody_to_verdict: null, months_in_custody: null, term_ends_on: null });
  });

  it('months and terms at the precision printed', () => {
    expect(monthsBetween('2022-05-18', '2023-02-10')).toBe(8);
    expect(monthsBetween('2022-05-18', '2023-02-18')).toBe(9);
    expect(monthsBetween('2022-04', '2023-02-01')).toBe(10);
    expect(monthsBetween('2022', '2023-02-01')).toBeNull();
    expect(addMonths('2022-05-18', 78)).toBe('2028-11-18');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2022-04', 12)).toBe('2023-04');
    expect(addMonths('2022', 12)).toBeNull();
  });

  it("QA: an event after the report's date, a verdict before the detention, a narrative date that disagrees", () => {
    const qa = buildQaReport(doc, dataset);
    const findings = (id: string) => qa.checks.find((c) => c.id === id)!.findings;
    expect(findings('future-events')).toEqual([
      { line: 36, message: expect.stringMatching(/^askar-backwardov: an event \(other\) dated 2026-06-01, after the report's date/) },
    ]);
    expect(findings('case-order')).toEqual([
      { line: 36, message: 'Askar Backwardov: the verdict (2020-03-01, entry) is dated before custody began (2021-05-05, entry)' },
    ]);
    const CONFLICT = /^Timur Karimbayev: the entry \(line 39\) gives the detention as 2023-01-05; here 2023-03-03/;
    expect(findings('date-conflicts')).toEqual([{ line: 9, message: expect.stringMatching(CONFLICT) }]);
  });

  it('summaries: events by kind and year; months from custody to verdict by group', () => {
    const s = computeSummaries(dataset);
    expect(s.events_by_kind_year!.filter((r) => r.kind === 'detained')).toEqual([
      { kind: 'detained', year: 2018, events: 1, prisoners: 1 },
      { kind: 'detained', year: 2021, events: 1, prisoners: 1 },
      { kind: 'detained', year: 2022, events: 2, prisoners: 1 },
      { kind: 'detained', year: 2023, events: 4, prisoners: 3 },
      { kind: 'detained', year: 2024, events: 6, prisoners: 3 },
      { kind: 'detained', year: 2025, events: 1, prisoners: 1 },
    ]);
    expect(s.custody_to_verdict_by_group).toEqual([
      { list: 'convicted', group: 'Convicted one by one', prisoners: 3, min_months: 3, median_months: 4, max_months: 10 },
    ]);
  });

  it('every event points at a prisoner', () => {
    const ids = new Set(prisoners.map((p) => p.id));
    expect(events.every((e) => ids.has(e.prisoner_id))).toBe(true);
    expect(prisoners.reduce((n, p) => n + p.event_count, 0)).toBe(events.length);
  });
});
