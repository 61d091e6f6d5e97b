#!/usr/bin/env node
/**
 * Benchmark: kzpp's diff against daff on two synthetic datasets of N records
 * (default 100,000) in the prisoners schema. Between FROM and TO: 0.5% of the
 * records removed, 0.5% added, 1% re-sentenced. Two scenarios:
 *   edits:      the other records keep their number (only the edited ones differ)
 *   renumbered: every record after a removed one is renumbered (so every record differs)
 *
 *   kzpp (library): read both <table>.json files, diff, render the four diff files
 *   kzpp (CLI):     `kzpp diff FROM TO --out DIR` as a user runs it (node start-up and writing files included)
 *   daff (library): read both CSV files, parse, align on the id column, render the diff as CSV
 *
 * kzpp reads a release as kzpp diff does (the NDJSON lines; identical lines are not parsed).
 *
 * Usage: node bench/diff.mjs [--records N] [--runs R] [--scenario edits|renumbered] [--limit SECONDS]   (make bench-diff)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import daff from 'daff';
import { diffTables } from '../build/pipeline/diff/compare.js';
import { loadRelease } from '../build/pipeline/diff/load.js';
import { renderDiff } from '../build/pipeline/diff/render.js';
import { csvColumnsOf } from '../build/pipeline/publish/columns.js';
import { toCsv, toJson, toNdjson } from '../build/pipeline/publish/formats.js';
import { jsonSchemaFor } from '../build/pipeline/model/json-schema.js';
import { median } from './stats.mjs';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    scenario: { type: 'string', default: 'edits' },
    limit: { type: 'string', default: '0' },
  },
});
const LIMIT_MS = Number(values.limit) * 1000; // fail above this median (0: no limit); slower than daff always fails
const RENUMBER = values.scenario === 'renumbered';
const N = Number(values.records);
const RUNS = Number(values.runs);

/** Deterministic pseudo-random numbers (mulberry32), so every run diffs the same data. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(42);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const GIVEN = ['Arman', 'Berik', 'Dana', 'Erlan', 'Gulnara', 'Marat', 'Saule', 'Timur', 'Aset', 'Nurlan'];
const FAMILY = ['Testov', 'Examplov', 'Sampleyev', 'Placeholderov', 'Fictiv', 'Qalamov', 'Polygonov', 'Newcomerov'];

function person(i, number) {
  const given = pick(GIVEN),
    family = `${pick(FAMILY)}${i}`;
  const convicted = rnd() < 0.8;
  const months = convicted ? 12 + Math.floor(rnd() * 100) : null;
  return {
    id: `${given}-${family}`.toLowerCase(),
    list: convicted ? 'convicted' : 'pre_trial',
    number,
    name: `${given} ${family}`,
    given_name: given,
    family_name: family,
    name_as_printed: `${given} ${family.toUpperCase()}`,
    group: pick(['Protesters', 'Journalists', 'Activists', null]),
    sentence_text: months ? `${months} months' imprisonment` : null,
    sentence_months: months,
    sentence_terms_months: months ? [months] : [],
    articles: ['174', '272'],
    charges: [
      { article: '174', label: 'incitement of discord' },
      { article: '272', label: null },
    ],
    convicted_on: convicted ? `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}` : null,
    custody_since: '2022-01-05',
    footnotes: [(i % 200) + 1],
    source_urls: [`https://example.org/case/${i}`],
    text: `${number} ${given} ${family.toUpperCase()} – ${months ?? 'no'} months under Article 174 (“incitement of discord”). Detained on 5 January 2022 in an invented town; the court is fictional.`,
    source: { id: 'synthetic', line_start: 10 + number * 2, line_end: 10 + number * 2 },
  };
}

function datasets() {
  const from = Array.from({ length: N }, (_, i) => person(i, i + 1));
  const kept = from.filter((_, i) => i % 200 !== 7); // 0.5% released
  const to = kept.map((r, i) => {
    const moved = RENUMBER
      ? {
          ...r,
          number: i + 1,
          text: r.text.replace(/^\d+/, String(i + 1)),
          source: { ...r.source, line_start: 12 + i * 2, line_end: 12 + i * 2 },
        }
      : r;
    if (i % 100 === 3 && r.sentence_months)
      return { ...moved, sentence_months: r.sentence_months + 12, sentence_terms_months: [r.sentence_months + 12] }; // 1% re-sentenced
    return moved;
  });
  for (let i = 0; i < N / 200; i++) to.push(person(N + i, RENUMBER ? to.length + 1 : N + i + 1)); // 0.5% added
  return { from, to };
}

/** Wall-clock and CPU milliseconds of each run (CPU time: what the run costs when the machine is shared). */
function time(fn) {
  const ms = [],
    cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now(),
      c = process.cpuUsage();
    fn();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), cpu: median(cpu) };
}

const dir = mkdtempSync(join(tmpdir(), 'kzpp-bench-'));
try {
  const { from, to } = datasets();
  const columns = csvColumnsOf(jsonSchemaFor('prisoners'));
  for (const [side, rows] of [
    ['from', from],
    ['to', to],
  ]) {
    mkdirSync(join(dir, side));
    writeFileSync(join(dir, side, 'prisoners.json'), toJson(rows));
    writeFileSync(join(dir, side, 'prisoners.ndjson'), toNdjson(rows));
    writeFileSync(join(dir, side, 'prisoners.csv'), toCsv(rows, columns));
    writeFileSync(
      join(dir, side, 'manifest.json'),
      JSON.stringify({ version: side === 'from' ? '1.0.0' : '1.1.0', counts: { prisoners: rows.length } }),
    );
  }

  let summary;
  const ours = time(() => {
    const [a, b] = [loadRelease(join(dir, 'from')), loadRelease(join(dir, 'to'))];
    const diff = { from: a.meta, to: b.meta, ...diffTables(a.tables, b.tables) };
    renderDiff(diff);
    summary = diff.tables.prisoners.counts;
  });
  const cli = time(() => {
    const r = spawnSync(process.execPath, ['bin/kzpp.js', 'diff', join(dir, 'from'), join(dir, 'to'), '--out', join(dir, 'out')], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`kzpp diff failed: ${r.stderr}`);
  });
  cli.cpu = 0; // a child process: its CPU time is not ours to measure
  let daffChanges = 0;
  const theirs = time(() => {
    const csv = new daff.Csv();
    const a = csv.makeTable(readFileSync(join(dir, 'from', 'prisoners.csv'), 'utf8'));
    const b = csv.makeTable(readFileSync(join(dir, 'to', 'prisoners.csv'), 'utf8'));
    const flags = new daff.CompareFlags();
    flags.addPrimaryKey('id');
    const alignment = daff.compareTables(a, b, flags).align();
    const output = new daff.TableView([]);
    new daff.TableDiff(alignment, flags).hilite(output);
    daffChanges = output.height - 1;
    new daff.Csv().renderTable(output);
  });

  const fmt = (t) =>
    `median ${(t.median / 1000).toFixed(2)} s (min ${(t.min / 1000).toFixed(2)}, max ${(t.max / 1000).toFixed(2)})${t.cpu ? `, CPU ${(t.cpu / 1000).toFixed(2)} s` : ''}`;
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; scenario ${values.scenario}: ${N} records per side, ${RUNS} runs each; kzpp found ${JSON.stringify(summary)}, daff wrote ${daffChanges} diff rows`,
  );
  console.log(`kzpp diff (library): ${fmt(ours)}`);
  console.log(`kzpp diff (CLI):     ${fmt(cli)}`);
  console.log(`daff (library):      ${fmt(theirs)}`);
  console.log(`kzpp is ${(theirs.median / ours.median).toFixed(1)}x faster than daff (library medians)`);
  if ((LIMIT_MS && ours.median > LIMIT_MS) || ours.median >= theirs.median) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
