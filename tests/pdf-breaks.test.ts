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
import { pageLines } from '../pipeline/parse/pdf/lines.js';
import { loadPdf } from '../pipeline/parse/pdf/load.js';
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

/** The texts of the rendering's lines on each page, top to bottom, running headers and page numbers included. */
async function renderedPages(markdown: string, style: RenderStyle): Promise<string[][]> {
  const pdf = await loadPdf(await renderPdf(modelOf(markdown, 'lines.md'), style), 'lines.pdf');
  try {
    return pdf.pages.map((page) => pageLines(page).map((l) => l.text));
  } finally {
    await pdf.close();
  }
}

const paragraphs = (blocks: Array<{ kind: string; text: string }>) => blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);

describe('a paragraph ending on a full last line before a page break, a new one on the next page', () => {
  // Courier sets every character 0.6 of the size wide: a column of 319.5 pt at 10 pt holds 53 characters. Each
  // paragraph is made to end on a line of 52: one character short, too full for the next paragraph's first word
  // ("Paragraph") and, in justified text, short of the edge every other line of the paragraph is spread to.
  const perLine = 53;
  const lastWord = ['', '', 'of', 'the', 'news', 'heard', 'waited', 'hearing', 'building', 'committee'];
  /** Paragraph n: two to four lines of varied words, closed by a word that makes its last line 52 characters long. */
  const paragraph = (n: number) => {
    const words = `Paragraph ${n}: ${turned(n)} ${turned(2 * n)} ${turned(3 * n)}`.split(' ').slice(0, 12 + (n % 3) * 9);
    let line = 0; // length of the last line, broken greedily as the renderer breaks Courier
    const add = (word: string) => {
      line = line && line + 1 + word.length <= perLine ? line + 1 + word.length : word.length;
    };
    words.forEach(add);
    for (let k = 0; ; k++) {
      const closing = perLine - 1 - line - 2; // the closing word's length: a space before it, a full stop after
      if (closing >= 2 && closing < lastWord.length) return `${[...words, lastWord[closing]].join(' ')}.`;
      const word = WORDS[(n + k) % WORDS.length]!;
      words.push(word);
      add(word);
    }
  };
  const markdown = Array.from({ length: 48 }, (_, i) => `${paragraph(i + 1)}\n`).join('\n');
  const base: RenderStyle = { name: '', size: 'A5', font: 'Courier', body: 10, margin: 50, footer: 'number', justify: true };
  const styles = [base, { ...base, header: 'A running header' }].map((s) => ({
    ...s,
    name: `A5, Courier 10, justified${s.header ? ', header' : ''}`,
  }));

  it.each(styles)("$name: each paragraph is the Markdown's", async (style) => {
    const doc = await readBack(markdown, style, 'full-last-line');
    expect(paragraphs(doc.blocks)).toEqual(paragraphs(modelOf(markdown).blocks));
  });

  it.each(styles)('$name: the rendering ends a page on a paragraph, a new one opening the next', async (style) => {
    const pages = await renderedPages(markdown, style);
    const body = pages.map((lines) => lines.filter((l) => l !== style.header).slice(0, -1)); // the page number is last
    const breaks = body.filter((lines, p) => lines.at(-1)?.endsWith('.') && body[p + 1]?.[0]?.startsWith('Paragraph '));
    expect(breaks.length).toBeGreaterThan(0);
  });
});

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
  // justified, the notes in the text's size: a line broken at the URL's space is spread to the edge, leaving no room
  const justified: RenderStyle = { ...base, body: 10, justify: true, inlineFootnotes: true };
  const styles = [base, { ...base, body: 10, margin: 60 }, justified].map((s) => ({
    ...s,
    name: `A5, Times ${s.body}, margin ${s.margin}${s.justify ? ', justified, notes in the text' : ''}`,
  }));

  it.each(styles)("$name: the space is kept, the footnotes table is the Markdown's", async (style) => {
    const expected = extractFootnotes(modelOf(markdown, 'url.md'), () => null, []);
    const doc = await readBack(markdown, style, 'url');
    expect(expected.filter((f) => f.text.includes('annual report'))).toHaveLength(12);
    expect(extractFootnotes(doc, () => null, [])).toEqual(expected);
  });

  it.each(styles)('$name: the rendering breaks a line at the space of a URL', async (style) => {
    const lines = (await renderedPages(markdown, style)).flat();
    expect(lines.filter((l, i) => /\/annual$/.test(l) && /^report \d/.test(lines[i + 1] ?? '')).length).toBeGreaterThan(0);
  });
});
