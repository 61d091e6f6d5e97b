#!/usr/bin/env node
/**
 * make measure-limits: what refusing input at the limits (pipeline/limits.ts)
 * costs: wall time, CPU and peak RSS of `kzpp extract` (Node's start
 * included), median of RUNS runs (default 3), printed as a Markdown table for
 * the README. Inputs are generated in a temporary directory from invented
 * text and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KZPP = join(ROOT, 'bin', 'kzpp.js');
const PROBE = join(ROOT, 'bench', 'rss-probe.cjs');
const RUNS = Number(process.env.RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'kzpp-limits-'));

/** Write `bytes` bytes made of `unit` repeated, a chunk at a time (the file is real, not sparse). */
function writeRepeated(file, unit, bytes) {
  const chunk = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  const fd = openSync(file, 'w');
  for (let written = 0; written < bytes; ) {
    const n = Math.min(chunk.length, bytes - written);
    writeSync(fd, chunk, 0, n);
    written += n;
  }
  closeSync(fd);
}

const paragraph =
  'The committee met on 3 March 2021 and noted that several activists were detained under Article 174 of the Criminal Code.\n\n';
const entries = (n) =>
  [
    '## THE LIST OF POLITICAL PRISONERS',
    '',
    '## CONVICTED',
    '',
    ...Array.from({ length: n }, (_, i) => `- ${i + 1} **Given FAMILY** – 3 years under Article 174.`),
    '',
  ].join('\n');

const MiB = 1024 * 1024;
/** `unit` repeated to just under the text limits (1 MiB, 10,000 lines), so the construct, not the size, is what is refused. */
const writeNear = (file, unit) =>
  writeRepeated(file, unit, Math.min(MiB - 4096, Math.floor(9_900 / unit.split('\n').length) * unit.length));
const nestedList = (depth) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item\n`).join('');
const backticks = (longest) => Array.from({ length: longest }, (_, i) => `${'`'.repeat(i + 1)} a\n`).join('');
const table = (columns, rows) =>
  [
    `|${' a |'.repeat(columns)}`,
    `|${' --- |'.repeat(columns)}`,
    ...Array.from({ length: rows - 2 }, () => `|${' b |'.repeat(columns)}`),
    '',
  ].join('\n');

const CASES = [
  { label: 'a 50 MB file (text)', make: (f) => writeRepeated(f, paragraph, 50_000_000) },
  { label: 'a single 10 MB line', make: (f) => writeRepeated(f, 'political prisoner ', 10_000_000) },
  { label: 'a 3 MB text within the line limits', make: (f) => writeRepeated(f, `${'word '.repeat(60)}\n`, 3_000_000) },
  { label: '5,001 list entries', make: (f) => writeRepeated(f, entries(5001), Buffer.byteLength(entries(5001))) },
  // the cost pre-pass (pipeline/parse/costs.ts): constructs within the size limits, near 1 MiB
  { label: 'block quotes nested 60 deep, every line', make: (f) => writeNear(f, `${'> '.repeat(60)}quoted text\n`) },
  { label: 'a list nested 60 deep by indentation', make: (f) => writeNear(f, nestedList(60)) },
  { label: '90-character delimiter runs, every line', make: (f) => writeNear(f, `${'*'.repeat(90)} a\n`) },
  { label: 'runs of 90 brackets, every line', make: (f) => writeNear(f, `${'['.repeat(90)}a\n`) },
  { label: 'backtick runs up to 90, every line', make: (f) => writeNear(f, backticks(90)) },
  { label: 'a 300-column table of 1,000 rows', make: (f) => writeNear(f, table(300, 1000)) },
  { label: 'one paragraph of 10,000 lines', make: (f) => writeNear(f, `${'word '.repeat(20)}\n`) },
  { label: 'tiny code spans filling the text', make: (f) => writeNear(f, `${'`a` '.repeat(20)}\n\n`) },
];

function measure(input) {
  const rssFile = join(work, 'rss.json');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', PROBE, KZPP, 'extract', input, '--out', join(work, 'out')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const { kB, cpuMs } = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : { kB: NaN, cpuMs: NaN };
  return { ms, kB, cpuMs, status: r.status, error: r.stderr.trim().split('\n')[0] ?? '' };
}

try {
  console.log(
    `Measured ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, load average ${loadavg()[0].toFixed(1)}; median of ${RUNS} runs\n`,
  );
  console.log('| input | exit | wall | CPU | peak RSS | message |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const c of CASES) {
    const input = join(work, 'input.md');
    c.make(input);
    const runs = Array.from({ length: RUNS }, () => measure(input));
    const reason = runs[0].error.replace(/^kzpp: error: .*?input\.md(?::line [\d,]+)?: /, '').replace(/\|/g, '\\|');
    console.log(
      `| ${c.label} | ${runs[0].status} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(2)} s | ${(median(runs.map((r) => r.kB)) / 1024).toFixed(0)} MB | ${reason} |`,
    );
    rmSync(input);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
