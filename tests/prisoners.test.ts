import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractPrisoners } from '../pipeline/extract/prisoners.js';
import { fixture, modelOf } from './helpers.js';

const { prisoners, diagnostics } = extractPrisoners(modelOf(readFileSync(fixture('mini-report.md'), 'utf8'), 'mini-report.md'), 'mini');
const byId = (id: string) => prisoners.find((p) => p.id === id)!;

describe('prisoners extraction on a synthetic report', () => {
  it('finds every entry of both lists, in order', () => {
    expect(prisoners.map((p) => [p.list, p.number, p.id])).toEqual([
      ['convicted', 1, 'arman-testov'],
      ['convicted', 2, 'zhan-bolat-examplov'],
      ['convicted', 3, 'dana-sampleyeva'],
      ['pre_trial', 1, 'olzhas-placeholderov'],
      ['pre_trial', 2, 'aigul-fictiva'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('reads a convicted entry fully; group dates fill what the entry does not state', () => {
    expect(byId('arman-testov')).toEqual({
      id: 'arman-testov',
      list: 'convicted',
      number: 1,
      name: 'Arman Testov',
      given_name: 'Arman',
      family_name: 'Testov',
      name_as_printed: 'Arman TESTOV',
      aliases: [],
      group: 'Convicted after the spring protests',
      sentence_text: "6.5 years' imprisonment",
      sentence_months: 78,
      sentence_terms_months: [78],
      // 174 is an article he was only initially suspected under: not a charge
      articles: ['272', '380-1'],
      charges: [
        { article: '272', label: 'organisation of mass riots' },
        { article: '380-1', label: null },
      ],
      // the appeal that left the verdict unchanged is not the verdict; both dates are the group's
      convicted_on: '2022-09-09',
      convicted_on_from: 'group',
      custody_since: '2021-03-03',
      custody_since_from: 'group',
      months_custody_to_verdict: 18,
      // the report gives no date of its own
      months_in_custody: null,
      term_ends_on: '2027-09-03',
      event_count: 3,
      event_ids: ['arman-testov-detained-2021-03-03-1', 'arman-testov-convicted-2022-09-09-1', 'arman-testov-appeal-rejected-2022-10-01-1'],
      footnotes: [4],
      source_urls: ['https://example.org/four'],
      text: "1 Arman TESTOV – 6.5 years' imprisonment under Article 272 of the Criminal Code (“organisation of mass riots”) and Article 380-1 of the Criminal Code for allegedly running over a soldier. Initially detained on suspicion under Article 174 of the Criminal Code.",
      source: { id: 'mini', line_start: 50, line_end: 50 },
    });
  });

  it('reads day.month.year, "years and months", the date of arrest, and ignores an administrative arrest and another case', () => {
    expect(byId('zhan-bolat-examplov')).toMatchObject({
      given_name: 'Zhan-Bolat',
      sentence_months: 61,
      articles: ['405'],
      convicted_on: '2023-02-10',
      custody_since: '2022-05-18',
      footnotes: [5],
      source: { line_start: 52, line_end: 58 },
    });
  });

  it('sums terms joined by "plus", takes the latest verdict, and reads continuation paragraphs', () => {
    const p = byId('dana-sampleyeva');
    expect(p).toMatchObject({
      sentence_text:
        "2 years' imprisonment under Article 274 of the Criminal Code (“dissemination of knowingly false information”) plus 1 year in prison",
      sentence_months: 36,
      sentence_terms_months: [24, 12],
      articles: ['274', '428'],
      convicted_on: '2023-03',
      custody_since: '2018-04-05',
      footnotes: [6],
      source_urls: ['https://example.org/six'],
      source: { line_start: 62, line_end: 64 },
    });
    expect(p.text.split('\n\n')).toHaveLength(2);
  });

  it('reads pre-trial entries: no sentence, the charge, custody from the entry or the group', () => {
    expect(byId('olzhas-placeholderov')).toMatchObject({
      group: 'Detained before the referendum',
      sentence_text: null,
      sentence_months: null,
      sentence_terms_months: [],
      charges: [{ article: '272', label: 'organise mass riots' }],
      convicted_on: null,
      custody_since: '2024-09-29',
    });
    expect(byId('aigul-fictiva')).toMatchObject({
      family_name: 'Fictiva',
      group: 'Other persons',
      custody_since: '2025-01-17',
      articles: ['174'],
    });
  });
});

describe('problems in the list', () => {
  const head = '## THE LIST OF POLITICAL PRISONERS\n\n## CONVICTED\n\n';
  it('reports a gap or a repeat in the numbering as a finding with its line', () => {
    const r = extractPrisoners(modelOf(`${head}1 **Ann TEST** – 2 years' imprisonment.\n\n3 **Bob TEST** – 2 years' imprisonment.\n`), 'x');
    expect(r.diagnostics).toEqual([{ level: 'warning', message: 'convicted entry numbered 3 where 2 was expected', line: 7 }]);
  });
  it('reports an entry without a name as an error', () => {
    const r = extractPrisoners(modelOf(`${head}1 – 2 years' imprisonment.\n`), 'x');
    expect(r.diagnostics[0]).toMatchObject({ level: 'error', line: 5 });
  });
  it('reports a citation of a footnote that is not defined', () => {
    const r = extractPrisoners(modelOf(`${head}1 **Ann TEST** – 2 years' imprisonment.<sup>9</sup>\n`), 'x');
    expect(r.diagnostics).toEqual([{ level: 'warning', message: 'ann-test cites footnote 9, which is not defined', line: 5 }]);
  });
});
