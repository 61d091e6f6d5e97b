/** Integration: the real report, read from the source mirror. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { footnoteCount, REPORT_MD } from './helpers.js';

const doc = await readDocument(readFileSync(REPORT_MD), REPORT_MD);
const { dataset, diagnostics } = extractAll(doc, 'odf-2025-02-13-tough-year');
const prisoners = dataset.prisoners;
const get = (list: string, number: number) => prisoners.find((p) => p.list === list && p.number === number)!;

describe('the real report (Markdown)', () => {
  it('holds 48 prisoners: 40 convicted numbered 1-40, 8 pre-trial numbered 1-8; 176 footnotes', () => {
    expect(prisoners).toHaveLength(48);
    expect(prisoners.filter((p) => p.list === 'convicted').map((p) => p.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(prisoners.filter((p) => p.list === 'pre_trial').map((p) => p.number)).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    expect(footnoteCount(doc)).toBe(176);
    expect(new Set(prisoners.map((p) => p.id)).size).toBe(48);
    expect(diagnostics).toEqual([]);
  });

  it('every convicted person has a sentence and at least one article', () => {
    for (const p of prisoners.filter((q) => q.list === 'convicted')) {
      expect(p.sentence_months, p.id).toBeGreaterThan(0);
      expect(p.articles.length, p.id).toBeGreaterThan(0);
    }
  });

  it('every cited footnote resolves to its URL', () => {
    for (const p of prisoners) expect(p.source_urls.length, p.id).toBe(p.footnotes.length);
  });

  it('convicted no. 4: an entry split by a page of footnotes', () => {
    const p = get('convicted', 4);
    expect(p).toMatchObject({
      id: 'timur-danebayev',
      name: 'Timur Danebayev',
      name_as_printed: 'Timur DANEBAYEV',
      group: 'In cases related to the January 2022 peaceful protests',
      sentence_text: "3 years' imprisonment",
      sentence_months: 36,
      articles: ['174'],
      charges: [{ article: '174', label: 'incitement of national and social discord' }],
      convicted_on: '2023-06-15',
      custody_since: '2022-12-24',
      footnotes: [127, 128],
      source_urls: ['https://rus.azattyq.org/a/32433109.html', 'https://rus.azattyq.org/a/32580442.html'],
      source: { id: 'odf-2025-02-13-tough-year', line_start: 641, line_end: 649 },
    });
    expect(p.text).toContain('officers of the correctional facility in the city of Atbasar');
  });

  it('convicted no. 2: initially suspected under 272, charged under 256', () => {
    expect(get('convicted', 2)).toMatchObject({ articles: ['256'], sentence_months: 78, custody_since: '2022-01-14', convicted_on: null });
  });

  it('convicted no. 19: "6.5 years" and a day.month.year verdict date', () => {
    expect(get('convicted', 19)).toMatchObject({
      family_name: 'Ashirbekov',
      sentence_months: 78,
      convicted_on: '2023-02-10',
      custody_since: '2022-05-18',
      articles: ['120'],
    });
  });

  it('convicted no. 22: "5 years and 1 month"', () => {
    expect(get('convicted', 22)).toMatchObject({
      sentence_months: 61,
      articles: ['216', '218', '245', '262'],
      custody_since: '2021-06-03',
    });
  });

  it('convicted no. 23: dates from the "Group of Seven" introduction', () => {
    expect(get('convicted', 23)).toMatchObject({
      group: 'The “Group of Seven” case (“Tractor” case)',
      convicted_on: '2024-08-07',
      custody_since: '2022-11-17',
    });
  });

  it("convicted no. 33: Zhamuratov, whose wife's case under 405 is not his charge list", () => {
    expect(get('convicted', 33)).toMatchObject({
      articles: ['258', '405'],
      convicted_on: '2024-08-16',
      custody_since: '2023-11-30',
      footnotes: [161],
    });
  });

  it('convicted no. 35: two terms joined by "plus" are summed', () => {
    expect(get('convicted', 35)).toMatchObject({
      sentence_months: 144,
      sentence_terms_months: [60, 84],
      articles: ['106', '428'],
      footnotes: [164, 165],
    });
  });

  it('convicted no. 7: article 380-1 stays whole', () => {
    expect(get('convicted', 7)).toMatchObject({
      articles: ['380-1'],
      charges: [{ article: '380-1', label: null }],
      convicted_on: '2023-02-01',
      sentence_months: 180,
    });
  });

  it('pre-trial no. 1 and no. 8: group under a merged bold heading; a name not in capitals', () => {
    expect(get('pre_trial', 1)).toMatchObject({
      name: 'Nurlan Zhaulibaev',
      group: 'Arrested in relation to the protest against the construction of the nuclear power plant in Kazakhstan',
      sentence_text: null,
      sentence_months: null,
      articles: ['272'],
      convicted_on: null,
      custody_since: '2024-09-29',
    });
    expect(get('pre_trial', 8)).toMatchObject({
      name: 'Akylbek Muratov',
      given_name: 'Akylbek',
      family_name: 'Muratov',
      name_as_printed: 'Akylbek Muratov',
      articles: [],
      custody_since: '2024-02-15',
      footnotes: [176],
    });
  });
});
