/**
 * The HTML front end reads the forms web editions take (a saved CMS page with
 * furniture and Word-style notes, an endnote list, notes left in the text,
 * headings as bold paragraphs): the synthetic reports rendered in each give the
 * Markdown's dataset and its blocks, the furniture gives no text, and every
 * block points at its element's lines in the HTML file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../pipeline/model/document.js';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf, tempDir } from './helpers.js';
import { withoutPositions } from './support/positions.js';
import { HTML_FORMS, pageOf } from './support/render-html.js';

const dataset = (doc: DocumentModel) => withoutPositions(extractAll(doc, 'fixture').dataset);

async function read(html: string | Buffer, name = 'page.html'): Promise<DocumentModel> {
  const file = join(tempDir('kzpp-html-'), name);
  writeFileSync(file, html);
  return readDocument(readFileSync(file), file);
}

/** Blocks without where they were read; notes gathered at the end of a page are compared by number. */
function content(blocks: Block[], notesAtEnd: boolean) {
  const strip = blocks.map(({ line_start: _s, line_end: _e, page: _p, ...rest }) => rest);
  if (!notesAtEnd) return strip;
  const number = (b: object) => (b as { number: number }).number;
  const notes = strip.filter((b) => b.kind === 'footnote').sort((a, b) => number(a) - number(b));
  return [...strip.filter((b) => b.kind !== 'footnote'), ...notes];
}

describe.each(['mini-report.md', 'tables-report.md'])('%s rendered as HTML', (name) => {
  const markdown = readFileSync(fixture(name), 'utf8');
  const expected = modelOf(markdown, name);

  it.each(HTML_FORMS)('%s: the same dataset and the same blocks as the Markdown', async (form) => {
    const doc = await read(pageOf(markdown, name, form));
    const actual = dataset(doc);
    for (const [table, rows] of Object.entries(dataset(expected))) expect(actual[table], table).toEqual(rows);
    const notesAtEnd = form === 'cms' || form === 'endnotes';
    expect(content(doc.blocks, notesAtEnd)).toEqual(content(expected.blocks, notesAtEnd));
  });
});

describe('a page saved from a CMS', () => {
  const markdown = readFileSync(fixture('mini-report.md'), 'utf8');
  const page = pageOf(markdown, 'mini-report.md', 'cms');

  it('reads no furniture: header, menu, cookie banner, breadcrumbs, share buttons, "read also", footer, scripts', async () => {
    const text = (await read(page)).blocks.map((b) => b.text).join('\n');
    const furnitureTexts = [
      'Example Foundation',
      'About us',
      'cookies',
      'Accept all',
      'Home',
      'Facebook',
      'Read also',
      'invented activists',
      'Privacy',
      'dataLayer',
    ];
    for (const furniture of furnitureTexts) {
      expect(page).toContain(furniture);
      expect(text).not.toContain(furniture);
    }
  });

  it('finds the article by its content, whatever the page calls its elements', async () => {
    const renamed = page.replace(/ class="[^"]*"/g, ' class="x"').replace(/<(\/?)(?:main|article)>/g, '<$1div>');
    expect(content((await read(renamed)).blocks, true)).toEqual(content((await read(page)).blocks, true));
  });

  it('gives each block the lines of its element in the HTML file', async () => {
    const doc = await read(page);
    const lines = page.split('\n');
    const entry = doc.blocks.find((b) => b.kind === 'list_item')!;
    expect(lines[entry.line_start - 1]).toContain('<li>');
    expect(lines[entry.line_start - 1]).toContain(entry.text.split(' ').slice(0, 3).join(' '));
    const note = doc.blocks.find((b) => b.kind === 'footnote')!;
    expect(lines[note.line_start - 1]).toContain(`name="_ftn${(note as { number: number }).number}"`);
    const prisoner = extractAll(doc, 'fixture').dataset.prisoners[0]!;
    expect(lines[prisoner.source.line_start - 1]).toContain(prisoner.family_name!.toUpperCase());
  });
});

/** Windows-1252 bytes of a text (its characters are all in that encoding). */
function windows1252(text: string): Buffer {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  const byte = (code: number, ch: string) => (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x80 + high.indexOf(ch));
  return Buffer.from([...text].map((ch) => byte(ch.charCodeAt(0), ch)));
}

describe('the encoding a page declares', () => {
  const markdown = readFileSync(fixture('mini-report.md'), 'utf8');
  const page = pageOf(markdown, 'mini-report.md', 'endnotes');

  it('reads a page saved as Windows-1252 by its <meta charset> as the UTF-8 page', async () => {
    const declared = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">';
    const latin = page.replace('<meta charset="utf-8">', declared).replace(/↩/g, '&#8617;');
    const bytes = windows1252(latin);
    expect(bytes.equals(Buffer.from(latin))).toBe(false); // the page has characters that differ between the encodings
    expect(dataset(await read(bytes))).toEqual(dataset(await read(page)));
  });
});
