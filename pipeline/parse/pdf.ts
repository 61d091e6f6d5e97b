/**
 * PDF front end: positioned text -> the same blocks the Markdown front end
 * makes, so every extractor reads either format. Each step is its own file
 * under pdf/: load (bytes -> items, bad-PDF errors), lines (items -> lines,
 * footnote markers), furniture (running headers, footers, page numbers),
 * layout (the file's own body size, line pitch, margins), clipped (URLs cut
 * at the page edge, read from their links), blocks (lines -> blocks),
 * classify (blocks -> kinds).
 */
import type { Block } from '../model/document.js';
import { groupBlocks, vocabularyOf } from './pdf/blocks.js';
import { classify } from './pdf/classify.js';
import { attachClippedLinks } from './pdf/clipped.js';
import { removeFurniture } from './pdf/furniture.js';
import { measureLayout } from './pdf/layout.js';
import { pageLines } from './pdf/lines.js';
import { loadPdf } from './pdf/load.js';

export async function parsePdf(bytes: Buffer, file: string): Promise<Block[]> {
  const pdf = await loadPdf(bytes, file);
  try {
    const lines = removeFurniture(pdf.pages.map(pageLines)).flat();
    const layout = measureLayout(lines);
    await attachClippedLinks(lines, layout, pdf);
    return classify(groupBlocks(lines, layout), layout, vocabularyOf(lines));
  } finally {
    await pdf.close();
  }
}
