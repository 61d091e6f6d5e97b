/**
 * The same report as Markdown and as PDF gives the same dataset: every table,
 * row by row and field by field, apart from where in the file a row was read
 * (prisoners.source, sections.line_start, mentions.line: lines of a Markdown
 * file and lines of a PDF's pages are different things).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { readDocument } from '../pipeline/parse/document.js';
import { TABLE_NAMES, type Dataset } from '../pipeline/model/tables.js';
import { withoutPositions } from './support/positions.js';
import { REPORT_MD, REPORT_PDF } from './helpers.js';

async function datasetOf(file: string): Promise<Dataset> {
  const doc = await readDocument(readFileSync(file), file);
  return extractAll(doc, 'odf-2025-02-13-tough-year').dataset;
}

describe('PDF and Markdown of the report', () => {
  let md: Record<string, unknown[]>;
  let pdf: Record<string, unknown[]>;
  let pdfPrisoners: Dataset['prisoners'];
  beforeAll(async () => {
    const fromPdf = await datasetOf(REPORT_PDF);
    pdfPrisoners = fromPdf.prisoners;
    [md, pdf] = [withoutPositions(await datasetOf(REPORT_MD)), withoutPositions(fromPdf)];
  });

  it('gives each prisoner the page the entry starts on and its line there', () => {
    const at = (n: number) => pdfPrisoners.find((p) => p.list === 'convicted' && p.number === n)!.source;
    // the list starts on page 16 of this rendering; entry 9 opens page 17
    expect(at(1).page).toBe(16);
    expect(at(9)).toMatchObject({ page: 17, line_start: 1 });
    for (const p of pdfPrisoners) {
      expect(p.source.page).toBeGreaterThanOrEqual(16);
      expect(p.source.page).toBeLessThanOrEqual(23);
      expect(p.source.line_start).toBeLessThan(80); // a line on an A4 page, not in the whole file
    }
  });

  for (const table of TABLE_NAMES) {
    it(`${table}: the same rows`, () => {
      expect(pdf[table]!.length).toBe(md[table]!.length);
      for (const [i, row] of pdf[table]!.entries()) expect(row, `${table} row ${i + 1}`).toEqual(md[table]![i]);
    });
  }
});
