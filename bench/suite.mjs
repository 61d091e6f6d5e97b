#!/usr/bin/env node
/**
 * make bench-suite: `make test` timed against the floor measured around it (a bare `node` start reading report.md,
 * the floor of make bench), so a run on a slower host can be compared with one on a faster host. The suite is
 * CPU-bound on 2 cores, and the host's speed moved its wall time by a fifth within an hour (docs/performance.md):
 * seconds alone do not say whether the suite got slower.
 *
 *   node bench/suite.mjs [--runs N] [--check] [--command "make test"]
 *
 * The floor is the median of N runs (default 7) before the suite and N after it. The target is issue #19's 90 s
 * with the floor of the night the host ran at full speed (0.06 s, 2026-12-02): 1500x. --check exits 1 past it.
 * --command runs another command in place of `make test` (the test of this script runs a short one).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { floorArgs, median, reportFile, ROOT } from './stats.mjs';

const REPORT = reportFile('report.md');
/** 90 s on the host at full speed, whose floor was 0.06 s (docs/performance.md, seventh session). */
const TARGET_RATIO = 90 / 0.06;

const { values: opts } = parseArgs({
  options: { runs: { type: 'string' }, check: { type: 'boolean' }, command: { type: 'string' } },
});
const runs = Number(opts.runs ?? 7);
const command = opts.command ?? 'make test';

/** Wall seconds of one run of `file args`, its output to `stdio`. */
function timed(file, args, stdio) {
  const started = process.hrtime.bigint();
  const r = spawnSync(file, args, { cwd: ROOT, stdio });
  return { s: Number(process.hrtime.bigint() - started) / 1e9, status: r.status };
}

/** The floor: median wall seconds of `runs` bare node starts reading the report. */
const floor = () => median(Array.from({ length: runs }, () => timed(process.execPath, floorArgs(REPORT), 'ignore').s));

/** CPU seconds of this process's reaped children (Linux: /proc/self/stat), or NaN elsewhere. */
function childrenCpu() {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // after "pid (comm) ": state is field 0; cutime and cstime are 13 and 14, in clock ticks (100 a second on Linux)
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

if (!existsSync(REPORT)) {
  process.stderr.write(`bench-suite: ${REPORT}: not found (the source mirror: ../shared/sources or $SOURCES_MIRROR)\n`);
  process.exit(2);
}
const loadBefore = loadavg()[0].toFixed(2);
const before = floor();
const cpuBefore = childrenCpu();
process.stderr.write(`bench-suite: floor ${before.toFixed(3)} s; running ${command}\n`);
const suite = timed('bash', ['-c', command], ['ignore', 'inherit', 'inherit']);
const cpu = childrenCpu() - cpuBefore;
const after = floor();
const ratio = suite.s / median([before, after]);
const met = suite.status === 0 && ratio <= TARGET_RATIO;
const cpuText = Number.isNaN(cpu) ? 'n/a' : `${cpu.toFixed(2)} CPU-s`;
process.stdout.write(
  `${command}: ${suite.status === 0 ? 'passed' : `FAILED (exit ${suite.status})`}, ${suite.s.toFixed(1)} s wall, ${cpuText}\n` +
    `floor: ${before.toFixed(3)} s before, ${after.toFixed(3)} s after (median of ${runs} each)\n` +
    `ratio: ${ratio.toFixed(0)}x the floor; ` +
    `target <= ${TARGET_RATIO.toFixed(0)}x (90 s at a floor of 0.06 s): ${met ? 'met' : 'NOT met'}\n` +
    `${cpus().length} cores, Node ${process.version}, load average ${loadBefore} at start, ${loadavg()[0].toFixed(2)} at the end\n`,
);
if (opts.check && !met) process.exitCode = 1;
