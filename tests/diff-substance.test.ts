/**
 * A diff reports substance: an edition edited lightly, or the same edition as
 * a PDF, differs from its Markdown in no record; a renumbered list only in
 * positions; a respelling in one record. Synthetic fixtures with invented names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableDiff } from '../pipeline/diff/compare.js';
import { diffPaths } from '../pipeline/orchestrate/sides.js';
import { diffMarkdown } from '../pipeline/diff/render.js';
import { fixture, modelOf, tempDir } from './helpers.js';
import { renderPdf } from './support/render-pdf.js';

const ORIGINAL = readFileSync(fixture('tables-report.md'), 'utf8');

/** The fixture with each [from, to] replaced once (each must be found). */
function edited(edits: Array<[string, string]>): string {
  return edits.reduce((text, [from, to]) => {
    expect(text, `the fixture holds "${from}"`).toContain(from);
    return text.replace(from, to);
  }, ORIGINAL);
}

/** Write a document under a file name of its own (the ad-hoc source id comes from it). */
function saved(name: string, content: string | Buffer): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

const substantive = (d: TableDiff) => ({ added: d.counts.added, removed: d.counts.removed, changed: d.counts.changed });
const NOTHING = { added: 0, removed: 0, changed: 0 };

const LIGHT_EDIT: Array<[string, string]> = [
  // a paragraph inserted above the list: every line below it moves
  [
    '#### Refusals of assemblies',
    'This edition adds a paragraph of commentary to the summary, without names or numbers.\n\n#### Refusals of assemblies',
  ],
  // a sentence reworded in the narrative
  ['after a long trial', 'after a lengthy and closed trial'],
];

describe('what a diff does not count as a change', () => {
  it('a light edit (a paragraph inserted above the list, a sentence reworded): no record changed, bump none', async () => {
    const diff = await diffPaths(saved('edition-a.md', ORIGINAL), saved('edition-b.md', edited(LIGHT_EDIT)));
    for (const [table, d] of Object.entries(diff.tables)) {
      expect(substantive(d), table).toEqual(NOTHING);
      expect(d.counts.repositioned, table).toBe(0);
    }
    expect(diff.schema).toEqual([]);
    expect(diff.bump).toBe('none');
    // the lines moved: counted per table, not listed per record
    expect(diff.tables.prisoners!.counts.moved).toBe(3);
    expect(diff.tables.mentions!.counts.moved).toBeGreaterThan(0);
    const md = diffMarkdown(diff);
    expect(md).toContain('No substantive change');
    expect(md).toContain('- prisoners: 3 records moved in the document (other lines, page or file), nothing else changed');
    expect(md).not.toContain('Boris Talloyev');
  });

  it('the Markdown and a PDF of one edition: no record changed or renumbered, bump none', async () => {
    const pdf = await renderPdf(modelOf(ORIGINAL, 'tables-report.md'), {
      name: 'A4',
      size: 'A4',
      font: 'Times',
      body: 11,
      margin: 72,
      footer: 'page-of',
    });
    const diff = await diffPaths(saved('report.md', ORIGINAL), saved('report.pdf', pdf));
    for (const [table, d] of Object.entries(diff.tables)) {
      expect(substantive(d), table).toEqual(NOTHING);
      expect(d.counts.repositioned, table).toBe(0);
    }
    expect(diff.bump).toBe('none');
    expect(diff.tables.prisoners!.counts.moved).toBe(3); // a page and page lines instead of file lines
  });

  it('the same edition saved under another file name (another ad-hoc source id): nothing at all differs', async () => {
    const diff = await diffPaths(saved('report.md', ORIGINAL), saved('a-copy-of-it.md', ORIGINAL));
    expect(diff.from.source?.id).not.toBe(diff.to.source?.id);
    for (const [table, d] of Object.entries(diff.tables)) expect(d.counts, table).toMatchObject({ ...NOTHING, repositioned: 0, moved: 0 });
    expect(diff.bump).toBe('none');
  });
});

describe('what a diff still counts', () => {
  it('a renumbered list: position changes only, bump patch', async () => {
    // numbered as after an entry dropped above them (a reordering would change which label of an article is printed first)
    const renumbered = edited([
      ['1 **Boris TALLOYEV**', '2 **Boris TALLOYEV**'],
      ['2 **Vera KVILL**', '3 **Vera KVILL**'],
    ]);
    const diff = await diffPaths(saved('edition-a.md', ORIGINAL), saved('edition-b.md', renumbered));
    for (const [table, d] of Object.entries(diff.tables)) expect(substantive(d), table).toEqual(NOTHING);
    const people = diff.tables.prisoners!;
    expect(people.repositioned.map((c) => [c.id, c.positional])).toEqual([
      ['boris-talloyev', { number: { from: 1, to: 2 } }],
      ['vera-kvill', { number: { from: 2, to: 3 } }],
    ]);
    expect(diff.bump).toBe('patch');
    expect(diffMarkdown(diff)).toContain('- prisoners: 2 records renumbered, nothing else changed');
  });

  it('a respelling: one changed record of the same id, nothing else', async () => {
    const diff = await diffPaths(saved('edition-a.md', ORIGINAL), saved('edition-b.md', edited([['2 **Vera KVILL**', '2 **Vera KVIL**']])));
    const people = diff.tables.prisoners!;
    expect(people.changed.map((c) => c.id)).toEqual(['vera-kvill']);
    expect(people.changed[0]!.changes.family_name).toEqual({ from: 'Kvill', to: 'Kvil' });
    expect(people.counts).toMatchObject({ added: 0, removed: 0, changed: 1, repositioned: 0 });
    for (const [table, d] of Object.entries(diff.tables)) if (table !== 'prisoners') expect(substantive(d), table).toEqual(NOTHING);
    expect(diff.bump).toBe('patch');
  });
});
