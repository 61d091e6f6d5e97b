/**
 * QA findings name where they are as the published rows do: a line in a
 * Markdown build, a page and the line on it in a PDF build. And one label
 * quoted for two article numbers is a finding with both places.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../pipeline/parse/document.js';
import { buildQaReport } from '../pipeline/qa/report.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf } from './helpers.js';
import { renderPdf } from './support/render-pdf.js';

const LIST = [
  '## THE LIST OF POLITICAL PRISONERS',
  '',
  '## CONVICTED',
  '',
  "1 **Anna TESTOVA** – 4 years' imprisonment under Article 256 of the Criminal Code (“propaganda of terrorism”).",
  '',
  "2 **Boris PRIMEROV** – 5 years' imprisonment under Article 256 of the Criminal Code (“propaganda of terrorism”).",
  '',
  "3 **Vera OBRAZTSOVA** – 3 years' imprisonment under Article 265 of the Criminal Code (“propaganda of terrorism”).",
  '',
].join('\n');

describe('one label for two articles', () => {
  const doc = modelOf(LIST);
  const { dataset } = extractAll(doc, 'labels');
  const findings = buildQaReport(doc, dataset).checks.find((c) => c.id === 'label-on-two-articles')!.findings;

  it('names the odd article with its line and the usual one with theirs; the data keeps the article as printed', () => {
    expect(findings).toEqual([
      {
        line: 9,
        message:
          '"propaganda of terrorism" is quoted as Article 265 (line 9) and as Article 256 (line 5; line 7): ' +
          'one of them is likely a typo in the report (the data keeps the article as printed)',
      },
    ]);
    expect(dataset.charges.find((c) => c.prisoner_id === 'vera-obraztsova')?.article).toBe('265');
  });

  it('a label quoted for one article only is no finding', () => {
    const single = modelOf(LIST.replace('Article 265', 'Article 256'));
    const qa = buildQaReport(single, extractAll(single, 'labels').dataset);
    expect(qa.checks.find((c) => c.id === 'label-on-two-articles')!.findings).toEqual([]);
  });
});

describe('places in a PDF build', async () => {
  const markdown = readFileSync(fixture('tables-report.md'), 'utf8');
  const md = modelOf(markdown, 'tables-report.md');
  const style = { name: 'A5', size: 'A5', font: 'Helvetica', body: 10, margin: 50, footer: 'number' } as const;
  const pdf = await readDocument(await renderPdf(md, style), 'tables-report.pdf');
  const { dataset } = extractAll(pdf, 'fx');
  const qa = buildQaReport(pdf, dataset);
  const lineOnItsPage = (page: number, line: number) => {
    const first = pdf.pageStarts![page - 1]!;
    return pdf.blocks.filter((b) => b.line_start === first + line - 1);
  };

  it('sections and mentions carry the page, and their line is a line of that page', () => {
    expect(pdf.pageStarts!.length).toBeGreaterThan(1);
    for (const s of dataset.sections) expect(lineOnItsPage(s.page!, s.line_start).map((b) => b.text)).toContain(s.title);
    expect(dataset.mentions.length).toBeGreaterThan(0);
    for (const m of dataset.mentions) expect(lineOnItsPage(m.page!, m.line)[0]?.text).toContain(m.name_as_printed.split(' ')[0]);
  });

  it("events carry the page and the lines on it of the block they were read from, like prisoners' source", () => {
    expect(dataset.events.length).toBeGreaterThan(0);
    for (const e of dataset.events) {
      const [block] = lineOnItsPage(e.source.page!, e.source.line_start);
      expect(block?.text, e.id).toContain(e.text.slice(0, 20));
      expect(e.source.line_end, e.id).toBeGreaterThan(0);
    }
    expect(dataset.events.some((e) => e.source.page! > 1)).toBe(true); // counted on its page, not over the file
  });

  it('every finding and stated total names a page and a line on it, as the Markdown build finds them', () => {
    const fromMd = buildQaReport(md, extractAll(md, 'fx').dataset);
    const placeless = (m: string) => m.replace(/\((?:page \d+, )?line \d+\)|(?:page \d+, )?line \d+/g, '@');
    for (const [i, check] of qa.checks.entries()) {
      expect(
        check.findings.map((f) => placeless(f.message)),
        check.id,
      ).toEqual(fromMd.checks[i]!.findings.map((f) => placeless(f.message)));
      for (const f of check.findings) expect(lineOnItsPage(f.page!, f.line).length, `${check.id}: ${f.message}`).toBe(1);
    }
    for (const t of qa.stated_totals) expect(lineOnItsPage(t.page!, t.line).length).toBe(1);
    expect(qa.checks.flatMap((c) => c.findings).some((f) => f.page! > 1)).toBe(true);
  });
});
