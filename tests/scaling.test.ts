/**
 * What lets the pipeline read documents far larger than the report (bench/):
 * Markdown parsed section by section gives the same blocks as a whole parse,
 * and lists numbered past 999 are read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../pipeline/parse/markdown.js';
import { fixture, kzpp, REPORT_MD, tempDir } from './helpers.js';

/** An HTML comment makes parseMarkdown parse the document whole; it adds no block. */
const wholeParse = (markdown: string) => parseMarkdown(`${markdown}\n\n<!-- parse whole -->\n`);

describe('sectioned Markdown parsing', () => {
  it.each([
    ['the report', REPORT_MD],
    ['the synthetic fixture', fixture('mini-report.md')],
  ])('gives the same blocks as a whole parse for %s', (_, file) => {
    const markdown = readFileSync(file, 'utf8');
    const blocks = parseMarkdown(markdown);
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks).toEqual(wholeParse(markdown));
  });

  it('does not cut inside fenced code, list items or where no blank line precedes a heading', () => {
    const markdown = [
      '# Title',
      '',
      'Intro',
      '',
      '```',
      '',
      '# not a heading',
      '```',
      '',
      '- item',
      '',
      '  # inside the item',
      '',
      'para',
      '# heading right after a paragraph',
      '',
      '## Next',
      '',
      '1 **Given FAMILY** – entry.',
      '',
    ].join('\n');
    const blocks = parseMarkdown(markdown);
    expect(blocks).toEqual(wholeParse(markdown));
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.line_start])).toEqual([
      ['Title', 1],
      ['heading right after a paragraph', 15],
      ['Next', 17],
    ]);
    expect(blocks.at(-1)).toMatchObject({ kind: 'paragraph', line_start: 19, line_end: 19 });
  });
});

describe('long lists', () => {
  it('reads entries numbered past 999', async () => {
    const dir = tempDir();
    const entries = Array.from(
      { length: 3 },
      (_, i) => `${998 + i} **Given${'abc'[i]} FAMILYOV** – ${i + 2} years' imprisonment under Article 274.`,
    );
    writeFileSync(
      join(dir, 'long.md'),
      ['## THE LIST OF POLITICAL PRISONERS', '', '## CONVICTED', '', ...entries.flatMap((e) => [e, ''])].join('\n'),
    );
    const r = await kzpp(['extract', join(dir, 'long.md'), '--out', join(dir, 'out'), '--json']);
    expect(r.status).toBe(0);
    const rows = readFileSync(join(dir, 'out', 'prisoners.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((p) => p.number)).toEqual([998, 999, 1000]);
  });
});
