/**
 * Structure from the table of contents: an entry whose heading a conversion
 * lost is found at the passage that opens it (a bold lead-in, a paragraph
 * naming the person the entry names), so `sections` has a row per entry with
 * its page, from the Markdown and from an HTML rendering alike; headings
 * before the first listed entry are front matter; QA reports only an entry
 * that matches nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildQaReport } from '../pipeline/qa/report.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { readDocument } from '../pipeline/parse/document.js';
import { modelOf } from './helpers.js';
import { pageOf } from './support/render-html.js';

const REPORT = `# A DIFFICULT YEAR

#### Project Manager:

Ivo Inventov (Example Rights Foundation)

**Table of Contents:**

<b>SUMMARY .....</b>	<b>2</b>
<b>The case of Oskar Fictivov .....</b>	<b>3</b>
<b>Refusals of peaceful assemblies in the capital .....</b>	<b>3</b>
<b>A chapter the text never opens .....</b>	<b>4</b>
<b>THE LIST OF POLITICAL PRISONERS .....</b>	<b>5</b>

## SUMMARY

The authorities went on as before.

**Oskar Fictivov** is an invented blogger who left the country in 2021.

Since then his relatives have been questioned.

**In 2024 the capital refused most peaceful assemblies.** Organisers were fined.

## THE LIST OF POLITICAL PRISONERS

## CONVICTED

- 1 **Arman TESTOV** – 6 years' imprisonment under Article 274 of the Criminal Code.
`;

const sectionsOf = (doc: Parameters<typeof extractAll>[0]) => extractAll(doc, 'fixture').dataset.sections;

describe('sections from the table of contents', () => {
  const doc = modelOf(REPORT, 'toc.md');
  const sections = sectionsOf(doc);

  it('a row per entry: headings by their title, lost headings at the passage opening them', () => {
    expect(sections.filter((s) => s.toc_page !== null).map((s) => [s.title, s.toc_page, s.toc_match, s.level, s.line_start])).toEqual([
      ['SUMMARY', 2, 'heading', 2, 15],
      ['The case of Oskar Fictivov', 3, 'text', 3, 19],
      ['Refusals of peaceful assemblies in the capital', 3, 'text', 3, 23],
      ['THE LIST OF POLITICAL PRISONERS', 5, 'heading', 2, 25],
    ]);
    const lost = sections.find((s) => s.title === 'The case of Oskar Fictivov');
    expect(lost).toMatchObject({ id: 'the-case-of-oskar-fictivov', parent_id: 'summary' });
  });

  it('marks the headings between the title and the first listed entry as front matter', () => {
    expect(sections.filter((s) => s.front_matter).map((s) => s.title)).toEqual(['Project Manager:', 'Table of Contents:']);
    expect(sections.find((s) => s.level === 1)).toMatchObject({ title: 'A DIFFICULT YEAR', front_matter: false, toc_match: null });
  });

  it('QA names only the entry that matches no heading and no passage', () => {
    const check = buildQaReport(doc, extractAll(doc, 'fixture').dataset).checks.find((c) => c.id === 'toc-headings')!;
    expect(check.findings).toEqual([
      {
        line: 9,
        message:
          'the table of contents lists "A chapter the text never opens" (page 4), but neither a heading nor a passage of the text matches it',
      },
    ]);
  });

  it('gives the same rows from an HTML rendering (headings as bold paragraphs), apart from lines', async () => {
    const html = Buffer.from(pageOf(REPORT, 'toc.md', 'bold-headings'));
    const fromHtml = sectionsOf(await readDocument(html, 'toc.html'));
    const withoutLines = (rows: typeof sections) => rows.map(({ line_start: _line, ...rest }) => rest);
    expect(withoutLines(fromHtml)).toEqual(withoutLines(sections));
  });
});
