/** Every table on a synthetic report (invented names), field by field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildQaReport } from '../pipeline/qa/report.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf } from './helpers.js';

const doc = modelOf(readFileSync(fixture('tables-report.md'), 'utf8'), 'tables-report.md');
const { dataset, diagnostics } = extractAll(doc, 'fx');

describe('tables on a synthetic report', () => {
  it('extracts without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(dataset.prisoners.map((p) => p.id)).toEqual(['boris-talloyev', 'vera-kvill', 'yerlan-omirov']);
  });

  it('sections: levels from the table of contents, parents, toc pages, lines', () => {
    expect(dataset.sections.map((s) => [s.id, s.level, s.parent_id, s.toc_page, s.line_start])).toEqual([
      ['a-hard-year', 1, null, null, 5],
      ['3-political-prisoners-in-examplestan', 2, 'a-hard-year', null, 7],
      ['table-of-contents', 2, 'a-hard-year', null, 23],
      ['summary', 2, 'a-hard-year', 2, 30],
      // "####" in the source, but the TOC lists it as a section of a chapter
      ['refusals-of-assemblies', 3, 'summary', 3, 36],
      ['the-list-of-political-prisoners', 2, 'a-hard-year', 4, 48],
      ['criteria', 3, 'the-list-of-political-prisoners', null, 50],
      // not in the TOC, in capitals: one level below the chapter the TOC lists
      ['convicted', 3, 'the-list-of-political-prisoners', null, 54],
      ['under-arrest-in-a-pre-trial-detention-facility', 3, 'the-list-of-political-prisoners', null, 64],
    ]);
    expect(dataset.sections.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('footnotes: cleaned URLs, notes, where cited and by whom', () => {
    const fn = (n: number) => dataset.footnotes.find((f) => f.number === n);
    expect(dataset.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(fn(2)).toEqual({
      number: 2,
      kind: 'url',
      urls: ['https://example.org/two three'],
      domains: ['example.org'],
      text: '<https://example.org/two three>',
      cited_in: ['summary'],
      cited_by: [],
    });
    expect(fn(3)).toEqual({
      number: 3,
      kind: 'note',
      urls: [],
      domains: [],
      text: 'Available upon request.',
      cited_in: ['summary'],
      cited_by: [],
    });
    expect(fn(4)).toMatchObject({ urls: ['https://example.org/four_a'], cited_in: ['refusals-of-assemblies'] });
    expect(fn(5)).toMatchObject({ urls: ['https://example.org/one'], cited_in: ['convicted'], cited_by: ['boris-talloyev'] });
    expect(fn(8)).toMatchObject({ cited_in: [], cited_by: [] });
  });

  it('charges and articles: labels as printed, the most common label, the "political" set read from the criteria', () => {
    expect(dataset.charges).toEqual([
      {
        prisoner_id: 'boris-talloyev',
        article: '274',
        label: 'dissemination of false information',
        code: 'Criminal Code of the Republic of Kazakhstan (2014)',
      },
      { prisoner_id: 'vera-kvill', article: '190', label: 'fraud', code: 'Criminal Code of the Republic of Kazakhstan (2014)' },
      {
        prisoner_id: 'vera-kvill',
        article: '274',
        label: 'spreading false information',
        code: 'Criminal Code of the Republic of Kazakhstan (2014)',
      },
      { prisoner_id: 'yerlan-omirov', article: '190', label: 'fraud', code: 'Criminal Code of the Republic of Kazakhstan (2014)' },
    ]);
    expect(dataset.articles).toEqual([
      // nobody is charged under 179: it is here because the criteria name it, with the label printed there
      { article: '179', label: 'calls for unrest', label_variants: ['calls for unrest'], prisoner_count: 0, listed_as_political: true },
      { article: '190', label: 'fraud', label_variants: ['fraud'], prisoner_count: 2, listed_as_political: false },
      {
        article: '274',
        label: 'dissemination of false information',
        label_variants: ['dissemination of false information', 'spreading false information'],
        prisoner_count: 2,
        listed_as_political: true,
      },
    ]);
  });

  it('organisations: a description followed by contact lines', () => {
    expect(dataset.organisations).toEqual([
      {
        id: 'example-rights-foundation',
        name: 'Example Rights Foundation',
        founded_on: '2011',
        description: 'The Example Rights Foundation was established in Narnia in 2011 by volunteers.',
        emails: ['info@example.org'],
        links: ['Website: https://example.org/', 'X: @example_rights'],
      },
      {
        id: 'human-rights-movement-lantern',
        name: 'Human rights movement "Lantern"',
        founded_on: '2020-03-02',
        description: 'The “Lantern” human rights movement was founded on 2 March 2020.',
        emails: [],
        links: ['Facebook: Lantern movement'],
      },
    ]);
  });

  it('claims: numbers with what they count, the period and the footnotes of the sentence', () => {
    expect(dataset.claims.map((c) => [c.id, c.value, c.unit, c.period, c.footnotes])).toEqual([
      ['summary-1', 4, 'political prisoners', null, [1]],
      ['summary-2', 2, 'people convicted', null, [1]],
      ['summary-3', 1, 'people in pre-trial detention', null, [1]],
      ['summary-4', 57, 'refusals', '2024', [2]],
      ['summary-5', 3, 'people convicted', null, [3]],
    ]);
    expect(dataset.claims[3]).toEqual({
      id: 'summary-4',
      value: 57,
      unit: 'refusals',
      subject: 'refusals to hold peaceful assemblies',
      period: '2024',
      section_id: 'summary',
      footnotes: [2],
      text: 'In 2024, the authorities issued 57 refusals to hold peaceful assemblies.',
    });
  });

  it('mentions and aliases: names outside the entry, across spellings', () => {
    expect(dataset.mentions).toEqual([
      { prisoner_id: 'boris-talloyev', section_id: 'summary', ordinal: 1, line: 34, name_as_printed: 'Boris Talloev' },
      { prisoner_id: 'vera-kvill', section_id: 'summary', ordinal: 1, line: 34, name_as_printed: 'Vera Kvill' },
      { prisoner_id: 'boris-talloyev', section_id: 'refusals-of-assemblies', ordinal: 1, line: 38, name_as_printed: 'Boris Talloyev' },
      { prisoner_id: 'yerlan-omirov', section_id: 'refusals-of-assemblies', ordinal: 1, line: 38, name_as_printed: 'Erlan Omirov' },
      // a family name alone, after the full name in the section
      { prisoner_id: 'yerlan-omirov', section_id: 'refusals-of-assemblies', ordinal: 2, line: 38, name_as_printed: 'Omirov' },
      // "Kvill was fined" is not matched: the section also names Anna Kvill
      { prisoner_id: 'vera-kvill', section_id: 'refusals-of-assemblies', ordinal: 1, line: 38, name_as_printed: 'Vera Kvill' },
    ]);
    expect(dataset.prisoners.map((p) => [p.id, p.aliases])).toEqual([
      ['boris-talloyev', ['Boris Talloev']],
      ['vera-kvill', []],
      ['yerlan-omirov', ['Erlan Omirov']],
    ]);
  });
});

describe('QA report on a synthetic report', () => {
  const qa = buildQaReport(doc, dataset);
  const findings = (id: string) => qa.checks.find((c) => c.id === id)!.findings;

  it('runs every check and says which passed', () => {
    expect(qa.checks.map((c) => [c.id, c.passed])).toEqual([
      ['stated-totals', false],
      ['named-counts', false],
      ['numbering', true],
      ['footnote-citations', false],
      ['duplicate-urls', false],
      ['malformed-urls', false],
      ['name-variants', false],
      ['article-labels', false],
      ['label-on-two-articles', true],
      ['date-conflicts', false],
      ['future-events', true],
      ['case-order', true],
      ['toc-headings', false],
    ]);
    expect(qa.summary).toMatchObject({
      prisoners: 3,
      footnotes: 8,
      footnotes_with_urls: 7,
      footnote_notes: 1,
      articles_listed_as_political: 2,
    });
  });

  it('each finding names the line', () => {
    expect(findings('stated-totals')).toEqual([
      { line: 32, message: expect.stringMatching(/^the report states 4 political prisoners; the list has 3/) },
    ]);
    expect(findings('named-counts')).toEqual([
      { line: 34, message: 'the report says 3 ("activists") but names 2: Boris Talloev, Vera Kvill' },
    ]);
    expect(findings('footnote-citations')).toEqual([{ line: 70, message: 'footnote 8 is never cited in the text' }]);
    expect(findings('duplicate-urls')).toEqual([{ line: 60, message: 'footnotes 1, 5 cite the same URL https://example.org/one' }]);
    expect(findings('malformed-urls')).toEqual([
      { line: 42, message: 'footnote 2: the URL has a space inside (kept as printed): https://example.org/two three' },
    ]);
    expect(findings('name-variants').map((f) => f.line)).toEqual([56, 66]);
    expect(findings('article-labels')).toEqual([
      {
        line: 56,
        message: 'Article 274 is labelled 2 ways: "dissemination of false information" (line 56); "spreading false information" (line 58)',
      },
    ]);
    expect(findings('date-conflicts')).toEqual([
      {
        line: 38,
        message: expect.stringMatching(/^Boris Talloyev: the entry \(line 56\) gives the verdict as 2023-06-05; here 2023-05-05/),
      },
      // "detained in January 2025" agrees with 3 January; "arrested for 2 months" is a term, not the start of custody
      {
        line: 38,
        message: expect.stringMatching(/^Yerlan Omirov: the entry \(line 66\) gives the detention as 2025-01-03; here 2025-01-09/),
      },
    ]);
    expect(findings('toc-headings')).toEqual([
      {
        line: 25,
        message:
          'the table of contents lists "A section that is not in the text" (page 3), but neither a heading nor a passage of the text matches it',
      },
    ]);
  });

  it('a gap or a repeat in the footnote numbering is a finding', () => {
    const gappy = modelOf(
      "## THE LIST OF POLITICAL PRISONERS\n\n## CONVICTED\n\n1 **Ann TEST** – 2 years' imprisonment.<sup>1</sup><sup>3</sup>\n\n<sup>1</sup> <https://a.example/>\n\n<sup>3</sup> <https://b.example/>\n\n<sup>3</sup> <https://c.example/>\n",
    );
    const r = extractAll(gappy, 'g');
    expect(buildQaReport(gappy, r.dataset).checks.find((c) => c.id === 'numbering')!.findings).toEqual([
      { line: 9, message: 'footnote numbering jumps from 1 to 3' },
      { line: 11, message: 'footnote 3 appears again (expected 4)' },
    ]);
  });
});
