/**
 * Page breaks the layout alone makes hard to read, each on generated geometry (a synthetic document with
 * invented text, rendered by tests/support/render-pdf.ts): a footnote running on into the next page's foot;
 * a paragraph ending on a full last line before a page break, followed by a new sentence on the next page;
 * a URL broken at an inner space. Each gives the Markdown's data.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFootnotes } from '../pipeline/extract/footnotes.js';
import { readDocument } from '../pipeline/parse/document.js';
import { modelOf, tempDir } from './helpers.js';
import { type RenderStyle, renderPdf } from './support/render-pdf.js';

const WORDS = 'the committee heard that the hearing was postponed again while relatives waited outside the court building for news'.split(
  ' ',
);

/** The words turned by k (so no two lines of the document repeat: repeated lines would be running furniture). */
const turned = (k: number) => [...WORDS.slice(k % WORDS.length), ...WORDS.slice(0, k % WORDS.length)].join(' ');

async function readBack(markdown: string, style: RenderStyle, name: string) {
  const bytes = await renderPdf(modelOf(markdown, `${name}.md`), style);
  const file = join(tempDir(), `${name}.pdf`);
  writeFileSync(file, bytes);
  return readDocument(bytes, file);
}

describe('a footnote running on into the next page foot', () => {
  // long paragraphs, each citing a note of four lines: some notes do not fit at the foot of their page
  const markdown = Array.from({ length: 8 }, (_, i) => {
    const n = i + 1;
    const body = [0, 3, 6, 9, 12, 15].map((k) => turned(n * 5 + k)).join(', and ');
    const note = `Note ${n} says that ${turned(n * 7)} and that ${turned(n * 11 + 2)}, see https://example.org/${WORDS[n]}/${n}`;
    return `Paragraph ${n}: ${body}.<sup>${n}</sup>\n\n<sup>${n}</sup> ${note}\n`;
  }).join('\n');
  const base: RenderStyle = { name: '', size: 'A5', font: 'Helvetica', body: 10, margin: 50, footer: 'number', footnoteRunover: true };
  // margin 50: a note runs on into the foot of a page of text; margin 40: the last note into a page of its own
  const styles = [base, { ...base, margin: 40 }].map((s) => ({ ...s, name: `A5, Helvetica 10, margin ${s.margin}` }));

  it.each(styles)("$name: joined, the footnotes table is the Markdown's", async (style) => {
    const expected = extractFootnotes(modelOf(markdown, 'runover.md'), () => null, []);
    const doc = await readBack(markdown, style, 'runover');
    expect(expected).toHaveLength(8);
    expect(extractFootnotes(doc, () => null, [])).toEqual(expected);
  });

  it.each(styles)('$name: the rendering runs a note on (it starts on one page and ends on the next)', async (style) => {
    const doc = await readBack(markdown, style, 'runover');
    const pageOf = (line: number) => doc.pageStarts!.filter((start) => start <= line).length;
    const split = doc.blocks.filter((b) => b.kind === 'footnote' && pageOf(b.line_start) !== pageOf(b.line_end));
    expect(split.length).toBeGreaterThan(0);
  });
});

describe('a URL with a space in it, broken at that space', () => {
  // notes whose URL ("…/annual report 2013.pdf") falls at different places of the line, so some break at its space
  const markdown = [
    '# A TEST\n',
    ...Array.from({ length: 12 }, (_, i) => {
      const n = i + 1;
      const said = `${WORDS.slice(n % 5).join(' ')} and ${WORDS.slice(0, (n % 7) + 4).join(' ')}`;
      const note = `Note ${n}: ${WORDS.slice(0, ((n * 2) % WORDS.length) + 3).join(' ')}, in https://example.org/${WORDS[n]}/annual report ${2010 + n}.pdf`;
      return `Paragraph ${n}: ${said}.<sup>${n}</sup>\n\n<sup>${n}</sup> ${note}\n`;
    }),
  ].join('\n');
  const base: RenderStyle = { name: '', size: 'A5', font: 'Times', body: 9, margin: 50, footer: 'number' };
  const styles = [base, { ...base, body: 10, margin: 60 }].map((s) => ({ ...s, name: `A5, Times ${s.body}, margin ${s.margin}` }));

  it.each(styles)("$name: the space is kept, the footnotes table is the Markdown's", async (style) => {
    const expected = extractFootnotes(modelOf(markdown, 'url.md'), () => null, []);
    const doc = await readBack(markdown, style, 'url');
    expect(expected.filter((f) => f.text.includes('annual report'))).toHaveLength(12);
    expect(extractFootnotes(doc, () => null, [])).toEqual(expected);
  });
});
