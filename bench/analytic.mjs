#!/usr/bin/env node
/**
 * What the Parquet and SQLite writers cost, alone: load a release's tables
 * (as the build has them in memory), then, with "with", render the Parquet
 * files, the SQLite database and its Datasette metadata. bench.mjs runs it
 * both ways and reports the difference.
 *
 *   node bench/analytic.mjs <release dir> with|without
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_NAMES } from '../build/pipeline/model/tables.js';
import { publishedRows } from '../build/pipeline/publish/published.js';

const [dir, mode] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const dataset = Object.fromEntries(TABLE_NAMES.map((name) => [name, JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'))]));
const published = publishedRows(dataset);
if (mode === 'with') {
  const { analyticFiles } = await import('../build/pipeline/publish/analytic.js');
  const files = await analyticFiles({
    published,
    meta: { version: manifest.version, source: manifest.source, pipeline: manifest.pipeline },
  });
  process.stdout.write(`${[...files.values()].reduce((n, b) => n + b.length, 0)} bytes\n`);
}
