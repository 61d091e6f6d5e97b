/**
 * PDF front end: positioned text -> the same blocks the Markdown front end
 * makes, so every extractor reads either format. Each step is its own file
 * under pdf/: rebuild-cost (the cost pre-pass), load (bytes -> items, bad-PDF errors), lines (items -> lines,
 * footnote markers), furniture (running headers, footers, page numbers),
 * columns (reading order from the page's gutters),
 * layout (the file's own body size, line pitch, margins), clipped (URLs cut
 * at the page edge, read from their links), blocks (lines -> blocks),
 * classify (blocks -> kinds).
 */
import type { Block } from '../model/document.js';
import { groupBlocks, vocabularyOf } from './pdf/blocks.js';
import { classify } from './pdf/classify.js';
import { attachClippedLinks } from './pdf/clipped.js';
import { adoptColumnEdges, pageGutters, readingOrder } from './pdf/columns.js';
import { bodyRanges } from './pdf/furniture.js';
import { measureLayout } from './pdf/layout.js';
import { buildLine, type Line, markPlainFootnoteNumbers, pageRows } from './pdf/lines.js';
import { loadPdf, type PdfPage } from './pdf/load.js';

export interface PdfModel {
  blocks: Block[];
  /** Line number of each page's first line (see DocumentModel.pageStarts). */
  pageStarts: number[];
}

/** Lines are numbered over the whole file, in reading order, running headers and footers not counted. */
function pageStartsOf(pages: Line[][]): number[] {
  let next = 1;
  return pages.map((lines) => ((next += lines.length), next - lines.length));
}

/**
 * Each page's lines in reading order, furniture removed. Furniture is found on the page's full-width rows
 * (a centred page number stands in the gutter of two columns); the rest is read column by column, with the
 * gutters the other pages set (a last column of one line shows none of its own).
 */
function bodyLines(pages: PdfPage[]): Line[][] {
  const rows = pages.map(pageRows);
  const ranges = bodyRanges(rows.map((r, i) => r.map((items) => buildLine(items, pages[i]!.number))));
  const bodies = rows.map((r, i) => r.slice(...ranges[i]!));
  const own = bodies.map(pageGutters);
  return bodies.map((r, i) => {
    const page = pages[i]!.number;
    const elsewhere = own.flatMap((g, k) => (k === i ? [] : g));
    return readingOrder(r, page, elsewhere).flatMap((f) =>
      f.rows.map((items) => buildLine(items, page, { frame: f.id, bounds: f.bounds })),
    );
  });
}

export async function parsePdf(bytes: Buffer, file: string): Promise<PdfModel> {
  const pdf = await loadPdf(bytes, file);
  try {
    const pages = bodyLines(pdf.pages);
    adoptColumnEdges(pages, measureLayout(pages.flat()));
    const layout = measureLayout(pages.flat());
    const lines = markPlainFootnoteNumbers(pages.flat(), layout.bodySize);
    await attachClippedLinks(lines, layout, pdf);
    return { blocks: classify(groupBlocks(lines, layout), layout, vocabularyOf(lines)), pageStarts: pageStartsOf(pages) };
  } finally {
    await pdf.close();
  }
}
