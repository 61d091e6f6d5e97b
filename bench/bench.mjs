#!/usr/bin/env node
/**
 * make bench: wall time (Node's start included) and peak memory of each case,
 * as the median of several runs with min and max, printed as a Markdown table.
 * Needs the compiled CLI (make builds it) and the source mirror; everything it
 * generates goes to a temporary directory and is removed afterwards.
 *
 *   node bench/bench.mjs [--runs N] [--quick] [--check]
 *
 * --runs N sets every case's run count; --quick (for tests) runs each case
 * once at small sizes (1x and 2x synthetic reports, 500-record diff).
 * The floor is a bare `node` start reading report.md, measured in the same run:
 * the extract cases' targets are ratios to it (issue #19). --check (make
 * bench-check) exits 1 when any case misses its target.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { floorArgs, median, reportFile, ROOT } from './stats.mjs';
import { syntheticReport } from './synthetic-report.mjs';
import { csvOf, writeDatasetPair } from './synthetic-datasets.mjs';

const KZPP = join(ROOT, 'bin', 'kzpp.js');
const DAFF = join(ROOT, 'node_modules', 'daff', 'bin', 'daff.js');
const PROBE = join(ROOT, 'bench', 'rss-probe.cjs');
const PARSE_ONLY = join(ROOT, 'bench', 'parse-only.mjs');
const REAL_ENTRIES = 48;

const { values: opts } = parseArgs({ options: { runs: { type: 'string' }, quick: { type: 'boolean' }, check: { type: 'boolean' } } });
const quick = Boolean(opts.quick);
const runsOf = (n) => (quick ? 1 : opts.runs ? Number(opts.runs) : n);

const work = mkdtempSync(join(tmpdir(), 'kzpp-bench-'));
let counter = 0;
const fresh = (name) => join(work, `${name}-${++counter}`);

/** One run of `node args...`: wall ms around the spawn; peak RSS (kB) and CPU ms from the probe. */
function measure(args) {
  const rssFile = fresh('rss');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', PROBE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const { kB, cpuMs } = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : { kB: NaN, cpuMs: NaN };
  return { ms, kB, cpuMs, status: r.status, stderr: r.stderr ?? '' };
}

const spread = (xs, unit) => (xs.length === 1 ? unit(xs[0]) : `${unit(median(xs))} (${unit(Math.min(...xs))}–${unit(Math.max(...xs))})`);
const seconds = (ms) => (ms / 1000).toFixed(2);
const megabytes = (kB) => (kB / 1024).toFixed(0);

const firstLine = (text) =>
  text
    .trim()
    .split('\n')[0]
    ?.replace(/^kzpp: error: /, '') ?? '';

/**
 * A case: `args(i)` gives run i's command line. One untimed warm-up run first
 * (file cache, compile cache); a failing warm-up makes the row "n/a" or
 * "failed" with the reason, not the benchmark.
 */
function runCase({ label, input, args, runs, targetMs, targetRatio, floor, unavailable, reference = false }) {
  // --quick (the test of this script) judges no figure: its one run is the warm-up too
  const warm = measure(args(0));
  if (warm.status !== 0) {
    const why = unavailable?.(warm) ?? `failed (exit ${warm.status}: ${firstLine(warm.stderr)})`;
    return { label, input, runs: 0, wall: why, cpu: '', rss: '', ratio: '', target: targetMs ? `< ${seconds(targetMs)} s` : '', met: '' };
  }
  const results = quick ? [warm] : Array.from({ length: runs }, (_, i) => measure(args(i + 1)));
  const failed = results.find((r) => r.status !== 0);
  if (failed)
    return {
      label,
      input,
      runs,
      wall: `failed (exit ${failed.status}: ${firstLine(failed.stderr)})`,
      cpu: '',
      rss: '',
      ratio: '',
      target: '',
      met: '',
    };
  const ms = results.map((r) => r.ms);
  const rss = results.map((r) => r.kB);
  const cpuMs = median(results.map((r) => r.cpuMs));
  const ratio = floor ? median(ms) / floor.ms : undefined;
  const withinTime = targetRatio ? ratio <= targetRatio : !targetMs || median(ms) < targetMs;
  return {
    label,
    input,
    runs,
    ms: median(ms),
    kB: median(rss),
    cpuMs,
    wall: `${spread(ms, seconds)} s`,
    cpu: `${seconds(cpuMs)} s`,
    rss: `${spread(rss, megabytes)} MB`,
    ratio: floor ? `${ratio.toFixed(1)}x (CPU ${(cpuMs / floor.cpuMs).toFixed(1)}x)` : '',
    target: reference
      ? '(reference)'
      : `${targetRatio ? `<= ${targetRatio}x floor, ` : targetMs ? `< ${seconds(targetMs)} s, ` : ''}< 500 MB`,
    met: reference ? '' : withinTime && median(rss) < 500 * 1024 ? 'yes' : 'NO',
  };
}

function syntheticCase(factor, runs, targetMs) {
  const entries = REAL_ENTRIES * factor;
  const file = join(work, `synthetic-${entries}.md`);
  writeFileSync(file, syntheticReport(entries));
  let out;
  const row = runCase({
    label: `(c) synthetic report, ${factor}x`,
    input: `${entries} entries, ${(readFileSync(file).length / 1024).toFixed(0)} kB Markdown`,
    args: () => [KZPP, 'extract', file, '--out', (out = fresh('syn')), '--json'],
    runs,
    targetMs,
  });
  return { ...row, out: row.ms === undefined ? undefined : out }; // its last output, when every run succeeded
}

/** (e) The Parquet and SQLite writers on the report's tables: the same process without them is the reference. */
function analyticCases(reportMd, extracted) {
  const release = extracted ?? fresh('analytic'); // case (a)'s last output when it ran
  const made = extracted
    ? { status: 0 }
    : spawnSync(process.execPath, [KZPP, 'extract', reportMd, '--out', release, '--json'], { cwd: ROOT });
  if (made.status !== 0) throw new Error('cannot extract the report for the Parquet/SQLite case');
  const input = `report.md's ${REAL_ENTRIES} entries, all tables`;
  const script = join(ROOT, 'bench', 'analytic.mjs');
  const without = runCase({
    label: '(e) tables loaded, no writers',
    input,
    args: () => [script, release, 'without'],
    runs: runsOf(5),
    reference: true,
  });
  const withWriters = runCase({
    label: '(e) tables + Parquet + SQLite writers',
    input,
    args: () => [script, release, 'with'],
    runs: runsOf(5),
    targetMs: 1000,
  });
  return [without, withWriters];
}

/** "(e) the writers add 0.31 s and 24 MB": the difference of the medians. */
function analyticCost([without, withWriters]) {
  if (!without.ms || !withWriters.ms) return '';
  const [s, mb] = [seconds(withWriters.ms - without.ms), megabytes(withWriters.kB - without.kB)];
  return `(e) the Parquet and SQLite writers add ${s} s and ${mb} MB of peak memory to a build.`;
}

/**
 * The synthetic releases of `records` prisoners, once per scenario: FROM and TO directories, grown from the prisoners
 * of `extracted` (case (c)'s output of the same synthetic report) or of one extraction of it made here.
 */
async function diffPair(records, scenario, extracted) {
  const template = extracted ?? join(work, 'template');
  const synthetic = join(work, `synthetic-${REAL_ENTRIES * (quick ? 1 : 10)}.md`);
  // one extraction of the synthetic report serves both scenarios
  const made = existsSync(template)
    ? { status: 0 }
    : spawnSync(process.execPath, [KZPP, 'extract', synthetic, '--out', template, '--json'], { cwd: ROOT });
  if (made.status !== 0) throw new Error('cannot extract the synthetic report for the diff datasets');
  const [oldDir, newDir] = [join(work, `old-${scenario}`), join(work, `new-${scenario}`)];
  const counts = await writeDatasetPair(join(template, 'prisoners.ndjson'), records, oldDir, newDir, {
    renumbered: scenario === 'renumbered',
  });
  return { oldDir, newDir, input: `${counts.old} vs ${counts.new} records, ${scenario}` };
}

/** (d) kzpp diff in both scenarios of bench/diff.mjs (edits; every record renumbered), and daff on the first. */
async function diffCases(records, extracted) {
  const rows = [];
  for (const scenario of ['edits', 'renumbered']) {
    const { oldDir, newDir, input } = await diffPair(records, scenario, extracted);
    const kzpp = runCase({
      label: `(d) diff, kzpp diff, ${scenario}`,
      input,
      args: () => [KZPP, 'diff', oldDir, newDir, '--out', fresh('diff'), '--json'],
      runs: runsOf(3),
      targetMs: 3000,
    });
    rows.push(kzpp);
    if (scenario !== 'edits') continue;
    const daff = runCase({
      label: '(d) diff, daff (CSV, --id id)',
      input,
      args: () => [DAFF, '--id', 'id', '--output', `${fresh('daff')}.csv`, csvOf(oldDir), csvOf(newDir)],
      runs: runsOf(3),
      reference: true,
    });
    if (kzpp.ms !== undefined && daff.ms !== undefined) kzpp.met = kzpp.met === 'yes' && kzpp.ms < daff.ms ? 'yes' : 'NO';
    rows.push(daff);
  }
  return rows;
}

/** "(a) the parser alone is 6.1x the floor, 34% of the extraction": what is left to the pipeline's own work. */
function parserShare(letter, parser, extraction, floor) {
  if (!parser.ms || !extraction.ms || !floor.ms) return '';
  const ratio = (parser.ms / floor.ms).toFixed(1);
  const share = ((100 * parser.ms) / extraction.ms).toFixed(0);
  return `(${letter}) the parser alone is ${ratio}x the floor, ${share}% of the extraction's wall time.`;
}

const load = () => loadavg()[0].toFixed(2);

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu.trim()}), Node ${process.version}, load average ${load()} at start`;
}

function table(rows) {
  const header = [
    'case',
    'input',
    'runs',
    'wall, median (min–max)',
    'CPU, median',
    'peak RSS, median (min–max)',
    'ratio to floor',
    'target',
    'met',
  ];
  const lines = rows.map((r) => [r.label, r.input, String(r.runs), r.wall, r.cpu, r.rss, r.ratio ?? '', r.target, r.met]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function main() {
  if (!existsSync(join(ROOT, 'build', 'pipeline', 'cli', 'main.js'))) {
    process.stderr.write('bench: the CLI is not compiled; run make first\n');
    process.exit(2);
  }
  const reportMd = reportFile('report.md');
  const reportPdf = reportFile('report.pdf');
  process.stderr.write(`bench: working in ${work}\n`);
  const rows = [];
  const note = (row) => (rows.push(row), process.stderr.write(`bench: ${row.label}: ${row.wall}\n`), row);
  const floor = runCase({
    label: '(f) floor: bare node reading report.md',
    input: 'report.md',
    args: () => floorArgs(reportMd),
    runs: runsOf(7),
    reference: true,
  });
  note(floor);
  let extracted;
  const parsers = {
    markdown: runCase({
      label: '(a) parser alone: remark + GFM tree, nothing after',
      input: 'report.md',
      args: () => [PARSE_ONLY, reportMd],
      runs: runsOf(5),
      floor,
      reference: true,
    }),
    pdf: runCase({
      label: "(b) parser alone: pdf.js's text items, nothing after",
      input: 'report.pdf',
      args: () => [PARSE_ONLY, reportPdf],
      runs: runsOf(5),
      floor,
      reference: true,
    }),
  };
  note(parsers.markdown);
  const markdown = runCase({
    label: '(a) extract from the Markdown',
    input: `report.md, ${REAL_ENTRIES} entries, every default output`,
    args: () => [KZPP, 'extract', reportMd, '--out', (extracted = fresh('md'))],
    runs: runsOf(5),
    targetRatio: 5,
    floor,
  });
  note(markdown);
  note(parsers.pdf);
  const pdf = note(
    runCase({
      label: '(b) extract from the PDF',
      input: `report.pdf`,
      args: () => [KZPP, 'extract', reportPdf, '--out', fresh('pdf')],
      runs: runsOf(5),
      targetRatio: 15,
      floor,
      unavailable: (r) =>
        existsSync(reportPdf) && r.status === 3 && /not supported/.test(r.stderr) ? 'n/a (PDF front end not available)' : undefined,
    }),
  );
  const ten = syntheticCase(quick ? 1 : 10, runsOf(5));
  // 60x: 100x (14,400 lines) is over the text limits since the cost pre-pass (issue #13) lowered them
  const hundred = syntheticCase(quick ? 2 : 60, runsOf(3), 15000);
  note(ten);
  note(hundred);
  for (const row of await diffCases(quick ? 500 : 100000, ten.out)) note(row);
  const analytic = analyticCases(reportMd, markdown.ms === undefined ? undefined : extracted);
  for (const row of analytic) note(row);

  const factor = quick ? 2 : 6;
  const scaling =
    ten.ms && hundred.ms
      ? `(c) ${factor}x the entries took ${(hundred.ms / ten.ms).toFixed(1)}x the time (linear: at most ${factor}x).`
      : '';
  const notes = [
    parserShare('a', parsers.markdown, markdown, floor),
    parserShare('b', parsers.pdf, pdf, floor),
    scaling,
    analyticCost(analytic),
  ];
  process.stdout.write(
    `kzpp benchmark, ${new Date().toISOString().slice(0, 10)}: ${machine()}\n` +
      `report.md: ${existsSync(reportMd) ? reportMd : 'missing'}\n\n${table(rows)}\n\n` +
      `${notes.join('\n')}\nload average ${load()} at the end\n`,
  );
  return rows;
}

/** --check: the cases that missed their target, one line each on stderr, and exit status 1. */
function check(rows) {
  const missed = rows.filter((r) => r.met === 'NO');
  for (const r of missed)
    process.stderr.write(`bench: target missed: ${r.label}: ${r.wall}${r.ratio ? `, ${r.ratio}` : ''} (${r.target})\n`);
  if (missed.length) process.exitCode = 1;
}

try {
  const rows = await main();
  if (opts.check) check(rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}
