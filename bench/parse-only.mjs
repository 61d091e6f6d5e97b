#!/usr/bin/env node
/**
 * The parser's floor: a process that does only what the pipeline's first step does with a file (the compiled
 * pipeline's own modules, as `kzpp extract` runs them) and nothing after it: for Markdown, remark with GFM builds
 * the tree (lib/gfm.ts); for a PDF, pdf.js reads every page's text items (parse/pdf/load.ts). No extraction,
 * validation or writing. bench.mjs times it beside the floor and the full extraction, so each run shows how much of
 * an extraction's ratio to the floor is the parser the pipeline is built on.
 *
 *   node bench/parse-only.mjs FILE.md|FILE.pdf
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/parse-only.mjs FILE.md|FILE.pdf\n');
  process.exit(2);
}
const bytes = readFileSync(file);
if (file.endsWith('.pdf')) {
  const { loadPdf } = await import('../build/pipeline/parse/pdf/load.js');
  const pdf = await loadPdf(bytes, file);
  await pdf.close();
} else {
  const { parseGfm } = await import('../build/pipeline/lib/gfm.js');
  parseGfm(bytes.toString('utf8'));
}
