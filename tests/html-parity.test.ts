/**
 * The real report rendered to HTML at test time from the mirror's Markdown
 * (never committed), in each form web editions take, gives the Markdown's
 * dataset: every table, row by row and field by field, apart from where in the
 * file a row was read (the fields left out for the PDF too). `kzpp diff` of the
 * Markdown against such a page reports no substantive change: no row added or
 * removed but for its position, no field changed but those positions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyFields } from '../pipeline/model/tables.js';
import { diffPaths } from '../pipeline/orchestrate/sides.js';
import { TABLE_NAMES } from '../pipeline/model/tables.js';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { REPORT_MD, tempDir } from './helpers.js';
import { POSITION_FIELDS, withoutPositions } from './support/positions.js';
import { HTML_FORMS, pageOf } from './support/render-html.js';

const SOURCE = 'odf-2025-02-13-tough-year';

const stripPositions = (table: string, row: object) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !(POSITION_FIELDS[table] ?? []).includes(k)));
const markdown = readFileSync(REPORT_MD, 'utf8');
const pages = new Map(HTML_FORMS.map((form) => [form, join(tempDir('kzpp-html-report-'), `report-${form}.html`)]));

async function datasetOf(file: string) {
  return withoutPositions(extractAll(await readDocument(readFileSync(file), file), SOURCE).dataset);
}

describe.each(HTML_FORMS)('the real report as a %s page', (form) => {
  const file = pages.get(form)!;
  let md: Record<string, unknown[]>;
  let html: Record<string, unknown[]>;
  beforeAll(async () => {
    writeFileSync(file, pageOf(markdown, 'report.md', form));
    [md, html] = [await datasetOf(REPORT_MD), await datasetOf(file)];
  });

  for (const table of TABLE_NAMES) {
    it(`${table}: the same rows`, () => {
      expect(html[table]!.length).toBe(md[table]!.length);
      html[table]!.forEach((row, i) => expect(row, `${table} row ${i + 1}`).toEqual(md[table]![i]));
    });
  }
});

describe('kzpp diff of the Markdown against its HTML rendering', () => {
  it('reports no substantive change (a CMS page)', async () => {
    const file = join(tempDir('kzpp-html-diff-'), 'report.html');
    writeFileSync(file, pageOf(markdown, 'report.md', 'cms'));
    const diff = await diffPaths(REPORT_MD, file);
    expect(diff.schema).toEqual([]);
    for (const [table, d] of Object.entries(diff.tables)) {
      const positions = POSITION_FIELDS[table] ?? [];
      // both sides hold the same rows apart from positions, however the diff paired them
      const bare = (rows: object[]) => rows.map((row) => JSON.stringify(stripPositions(table, row))).sort();
      const before = [...d.removed, ...d.changed.map((c) => c.before), ...d.repositioned.map((c) => c.before)];
      const after = [...d.added, ...d.changed.map((c) => c.record), ...d.repositioned.map((c) => c.record)];
      expect(bare(after), table).toEqual(bare(before));
      // a table keyed without positions pairs each row with itself: nothing added or removed, only positions changed
      if (keyFields(table).some((k) => positions.includes(k))) continue; // mentions, keyed by line: kzpp diff's own concern
      expect(d.counts, table).toMatchObject({ added: 0, removed: 0 });
      const fields = new Set(d.changed.flatMap((c) => Object.keys(c.changes)));
      for (const field of fields) expect(positions, `${table}.${field}`).toContain(field);
    }
  });
});
