/**
 * The same report as Markdown and as PDF gives the same dataset: every table,
 * row by row and field by field, apart from where in the file a row was read
 * (prisoners.source, sections.line_start, mentions.line: lines of a Markdown
 * file and lines of a PDF's pages are different things).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAll } from '../pipeline/run.js';
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
  beforeAll(async () => {
    [md, pdf] = [withoutPositions(await datasetOf(REPORT_MD)), withoutPositions(await datasetOf(REPORT_PDF))];
  });

  for (const table of TABLE_NAMES) {
    it(`${table}: the same rows`, () => {
      expect(pdf[table]!.length).toBe(md[table]!.length);
      pdf[table]!.forEach((row, i) => expect(row, `${table} row ${i + 1}`).toEqual(md[table]![i]));
    });
  }
});
