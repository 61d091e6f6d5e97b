/**
 * Integration: the events of the real report, read from the source mirror.
 * Each timeline below was checked by reading the entry, its group's
 * introduction and the narrative sentences that name the person.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../pipeline/parse/document.js';
import { computeSummaries } from '../pipeline/publish/summaries.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { REPORT_MD } from './helpers.js';

const doc = await readDocument(readFileSync(REPORT_MD), REPORT_MD);
const { dataset } = extractAll(doc, 'odf-2025-02-13-tough-year');
const { events, prisoners } = dataset;
const person = (id: string) => prisoners.find((p) => p.id === id)!;
const timeline = (id: string) => events.filter((e) => e.prisoner_id === id).map((e) => `${e.origin} ${e.kind} ${e.date}`);
const tally = (values: string[]) => {
  const n: Record<string, number> = {};
  for (const v of values) n[v] = (n[v] ?? 0) + 1;
  return n;
};

describe('the real report: events', () => {
  it('counts per kind and per origin', () => {
    expect(events).toHaveLength(108);
    expect(tally(events.map((e) => e.kind))).toEqual({
      detained: 43,
      convicted: 32,
      other: 22,
      appeal_rejected: 6,
      trial_started: 4,
      sentence_changed: 1,
    });
    expect(tally(events.map((e) => e.origin))).toEqual({ entry: 63, group: 28, narrative: 17 });
  });

  it("a detention, a verdict, and the narrative's own dates for the same person (line 192: June 2023)", () => {
    expect(timeline('timur-danebayev')).toEqual([
      'narrative other 2022-01',
      'entry detained 2022-12-24',
      'narrative convicted 2023-06',
      'entry convicted 2023-06-15',
      'narrative other 2023-08',
      'narrative other 2023-08-21/2023-08-23',
      'narrative other 2023-09',
      'entry other 2025-01',
      'narrative other 2025-02-12',
    ]);
    const danebayev = person('timur-danebayev');
    expect(danebayev).toMatchObject({ convicted_on: '2023-06-15', custody_since: '2022-12-24', months_custody_to_verdict: 5 });
  });

  it('the verdict date the narrative and the entry disagree on: both events, each with its line', () => {
    const verdicts = events.filter((e) => e.prisoner_id === 'daniyar-adilbekov' && e.kind === 'convicted');
    expect(verdicts.map((e) => [e.origin, e.date, e.source.line_start, e.section_id])).toEqual([
      ['narrative', '2024-10-04', 300, 'persecution-of-duman-mukhametkarim-daniyar-adilbekov-temirlan-yensebek'],
      ['entry', '2024-10-18', 917, 'other-political-prisoners'],
    ]);
    expect(person('daniyar-adilbekov')).toMatchObject({ convicted_on: '2024-10-18', convicted_on_from: 'entry' });
  });

  it('10.02.2023, and a term calculated from the date of arrest', () => {
    expect(timeline('karasay-ashirbekov')).toEqual(['entry detained 2022-05-18', 'entry convicted 2023-02-10']);
    expect(person('karasay-ashirbekov')).toMatchObject({
      sentence_months: 78,
      months_custody_to_verdict: 8,
      months_in_custody: 32,
      term_ends_on: '2028-11-18',
      event_count: 2,
    });
  });

  it('group events: the "Group of Seven" introduction dates every member; an administrative arrest stays out of custody', () => {
    expect(timeline('bagdagul-andreyeva')).toEqual([
      'entry detained 2022-01',
      'group detained 2022-11-17',
      'group convicted 2024-08-07',
      'group appeal_rejected 2024-08-15',
    ]);
    expect(events.find((e) => e.id === 'bagdagul-andreyeva-detained-2022-01-1')!.detention).toBe('administrative');
    expect(person('bagdagul-andreyeva')).toMatchObject({ convicted_on_from: 'group', custody_since: '2022-11-17' });
    // "Aidos Ilipbayev, one of those arrested, was released": one person, not the group
    expect(events.filter((e) => e.origin === 'group' && e.kind === 'released')).toEqual([]);
  });

  it('an arrest "for 20 days", a trial that started, a hunger strike without a date (no event), the verdict twice', () => {
    expect(timeline('marat-zhylanbayev')).toEqual([
      'narrative other 2018',
      'entry other 2022-01',
      'entry other 2023-02',
      'entry detained 2023-05',
      'entry other 2023-05-23',
      'entry trial_started 2023-10-30',
      'narrative convicted 2023-11-29',
      'entry convicted 2023-11-29',
    ]);
    const arrest = events.find((e) => e.id === 'marat-zhylanbayev-detained-2023-05-1');
    expect(arrest).toMatchObject({ detention: 'administrative', date_qualifier: 'early' });
    expect(person('marat-zhylanbayev')).toMatchObject({ custody_since: null, custody_since_from: 'not_stated' });
  });

  it('an earlier sentence, an administrative arrest from the narrative, detention, trial and verdict', () => {
    expect(timeline('aidar-syzdykov')).toEqual([
      'entry convicted 2021',
      'narrative detained 2024-03',
      'entry detained 2024-05-16',
      'entry trial_started 2024-09-17',
      'entry convicted 2024-09-27',
    ]);
    expect(person('aidar-syzdykov')).toMatchObject({ convicted_on: '2024-09-27', months_custody_to_verdict: 4 });
  });

  it('"A few days later" after 5 January 2022: detained in January 2022', () => {
    expect(timeline('kazybek-kudaibergenov')).toEqual(['entry detained 2022-01', 'entry other 2022-01-05']);
    expect(events.find((e) => e.prisoner_id === 'kazybek-kudaibergenov' && e.kind === 'detained')!.date_relative).toBe(true);
    expect(person('kazybek-kudaibergenov')).toMatchObject({ custody_since: '2022-01', custody_since_from: 'entry' });
  });

  it('a pre-trial detainee under extradition arrest; the nuclear-plant group dated by its introduction', () => {
    expect(timeline('akylbek-muratov')).toEqual(['entry other 2022-07', 'entry detained 2024-02-15', 'entry other 2024-09']);
    expect(events.find((e) => e.id === 'akylbek-muratov-detained-2024-02-15-1')!.detention).toBe('extradition');
    expect(timeline('nurlan-zhaulibaev')).toEqual(['group detained 2024-09-29', 'group detained 2024-10-01']);
    expect(person('nurlan-zhaulibaev')).toMatchObject({ custody_since: '2024-09-29', custody_since_from: 'group', months_in_custody: 4 });
  });

  it('where the verdict and custody dates come from; 13 verdict dates not stated anywhere', () => {
    const convicted = prisoners.filter((p) => p.list === 'convicted');
    expect(tally(convicted.map((p) => p.convicted_on_from))).toEqual({ entry: 20, group: 6, narrative: 1, not_stated: 13 });
    // the summary and the transnational-repression chapter say he was sentenced in 2021; his entry gives no date
    const bekizhan = person('bekizhan-mendygaziyev');
    expect(bekizhan).toMatchObject({ convicted_on: '2021', convicted_on_from: 'narrative', months_custody_to_verdict: null });
    expect(tally(prisoners.map((p) => p.custody_since_from))).toEqual({ entry: 18, group: 11, not_stated: 19 });
  });

  it('summaries: detention to verdict per group', () => {
    const rows = computeSummaries(dataset).custody_to_verdict_by_group!;
    const seven = rows.find((r) => String(r.group).startsWith('The “Group of Seven”'));
    expect(seven).toMatchObject({ prisoners: 6, min_months: 20, median_months: 20, max_months: 20 });
    const withBoth = prisoners.filter((p) => p.months_custody_to_verdict !== null).length;
    expect(rows.reduce((n, r) => n + (r.prisoners as number), 0)).toBe(withBoth);
  });
});
