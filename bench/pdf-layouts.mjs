#!/usr/bin/env node
/**
 * The random-layout run: the synthetic reports (tests/fixtures, invented names) rendered as PDF in N random
 * layouts (page size, font, size, margins, header, footer, justification, footnotes at the foot, in the text,
 * running on or as endnotes, superscript sizes, one to three columns, headings across, a one-column first page),
 * each read back and compared, every table, with the Markdown's dataset (provenance left out).
 *   node bench/pdf-layouts.mjs [N=42] [SEED=1]   -> one line per layout that differs, then "D of R differ"
 * Deterministic: the same N and seed give the same layouts. The renderer and the pipeline are TypeScript,
 * bundled here on the fly with esbuild (a dev dependency) into a temporary module under build/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = ['mini-report.md', 'tables-report.md'];

/** mulberry32: a small seeded generator, so a run can be repeated exactly. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random layout; options that exclude each other (footnotes in the text and as endnotes) are not combined. */
function randomStyle(random, i) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const yes = (p = 0.5) => random() < p;
  const size = pick(['A4', 'LETTER', 'A5']);
  const columns = size === 'A5' ? pick([1, 1, 2]) : pick([1, 2, 3]);
  const notes = pick(['foot', 'foot', 'inline', 'endnotes']);
  const style = {
    name: `layout ${i}`,
    size,
    font: pick(['Times', 'Helvetica', 'Courier']),
    body: pick([8, 9, 10, 11, 12]),
    margin: pick([30, 40, 50, 60, 72]),
    footer: pick(['number', 'page-of']),
    justify: yes(),
    tightLists: yes(),
    columns,
  };
  if (columns > 1) style.body = Math.min(style.body, 10);
  if (yes()) style.header = 'A running header';
  if (yes(0.3)) style.superscript = { size: 0.83, rise: 0.33 };
  if (columns > 1 && yes()) style.fullWidthHeadings = true;
  if (columns > 1 && yes(0.3)) style.firstPageSingleColumn = true;
  if (notes === 'inline') style.inlineFootnotes = true;
  if (notes === 'foot' && yes(0.3)) style.plainFootnoteNumbers = true;
  if (notes === 'foot' && yes()) style.footnoteRunover = true;
  if (notes === 'endnotes')
    style.endnotes = { at: pick(['document', 'chapter']), numbers: pick(['plain', 'superscript']), backlinks: yes() };
  return style;
}

/** The renderer and the pipeline's reader, bundled into one module. */
async function loadTools() {
  const entry = `
    export { renderPdf } from './tests/support/render-pdf.ts';
    export { modelOf } from './tests/helpers.ts';
    export { withoutPositions } from './tests/support/positions.ts';
    export { readDocument } from './pipeline/parse/document.ts';
    export { extractAll } from './pipeline/orchestrate/extract.ts';`;
  const outfile = join(ROOT, 'build', `pdf-layouts-tools-${process.pid}.mjs`); // in the project: packages resolve
  await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Tables whose rows differ between the PDF's dataset and the Markdown's. */
function differingTables(expected, actual) {
  return Object.keys(expected).filter((t) => JSON.stringify(expected[t]) !== JSON.stringify(actual[t]));
}

async function main() {
  const n = Number(process.argv[2] ?? 42);
  const seed = Number(process.argv[3] ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'kzpp-layouts-'));
  try {
    const tools = await loadTools();
    const dataset = (doc) => tools.withoutPositions(tools.extractAll(doc, 'fixture').dataset);
    const random = generator(seed);
    const styles = Array.from({ length: n }, (_, i) => randomStyle(random, i + 1));
    let runs = 0;
    let differ = 0;
    for (const name of FIXTURES) {
      const markdown = readFileSync(join(ROOT, 'tests', 'fixtures', name), 'utf8');
      const expected = dataset(tools.modelOf(markdown, name));
      for (const style of styles) {
        const file = join(dir, `${name}-${style.name.replace(/\W+/g, '-')}.pdf`);
        const bytes = await tools.renderPdf(tools.modelOf(markdown, name), style);
        writeFileSync(file, bytes);
        let tables;
        try {
          tables = differingTables(expected, dataset(await tools.readDocument(bytes, file)));
        } catch (error) {
          tables = [`error: ${error.message}`];
        }
        runs++;
        if (!tables.length) continue;
        differ++;
        console.log(`${name} ${style.name}: ${tables.join(', ')} ${JSON.stringify({ ...style, name: undefined })}`);
      }
    }
    console.log(`${differ} of ${runs} renderings differ (${n} layouts x ${FIXTURES.length} reports, seed ${seed})`);
    process.exitCode = differ ? 1 : 0;
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
