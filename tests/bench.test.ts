/** make bench's script runs end to end (at small sizes) and prints its table; figures are not judged here. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asUsersRunIt, ROOT } from './helpers.js';

describe('bench/bench.mjs --quick', () => {
  it('prints the machine and one table row per case, each with figures or a reason', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'bench.mjs'), '--quick'], {
      cwd: ROOT,
      env: asUsersRunIt(),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^kzpp benchmark, \d{4}-\d{2}-\d{2}: \d+ cores \(.+\), Node v20\./);
    const rows = r.stdout.split('\n').filter((l) => /^\| \([a-f]\)/.test(l));
    expect(rows.map((l) => l.split(' | ')[0])).toEqual([
      '| (f) floor: bare node reading report.md',
      '| (a) parser alone: remark + GFM tree, nothing after',
      '| (a) extract from the Markdown',
      "| (b) parser alone: pdf.js's text items, nothing after",
      '| (b) extract from the PDF',
      '| (c) synthetic report, 1x',
      '| (c) synthetic report, 2x',
      '| (d) diff, kzpp diff, edits',
      '| (d) diff, daff (CSV, --id id)',
      '| (d) diff, kzpp diff, renumbered',
      '| (e) tables loaded, no writers',
      '| (e) tables + Parquet + SQLite writers',
    ]);
    expect(r.stdout).toMatch(/\(e\) the Parquet and SQLite writers add -?\d+\.\d\d s and -?\d+ MB of peak memory to a build\./);
    for (const row of rows) expect(row).toMatch(/\| 1 \| \d+\.\d\d s \| \d+\.\d\d s \| \d+ MB \||\| 0 \| n\/a \(.+\) \|/);
    expect(rows[2]).toMatch(/\| 1 \| \d.* MB \| \d+\.\dx \(CPU \d+\.\dx\) \| <= 5x floor, < 500 MB \| (yes|NO) \|$/); // extraction must run
    // the parsers alone are references: a ratio to the floor, no target, and their share of the extraction
    for (const row of [rows[1], rows[3]]) expect(row).toMatch(/\| 1 \| \d.* MB \| \d+\.\dx \(CPU \d+\.\dx\) \| \(reference\) \| {2}\|$/);
    expect(r.stdout).toMatch(/\n\(a\) the parser alone is \d+\.\dx the floor, \d+% of the extraction's wall time\.\n/);
    expect(r.stdout).toMatch(/\n\(b\) the parser alone is \d+\.\dx the floor, \d+% of the extraction's wall time\.\n/);
    expect(rows[5]).toMatch(/\| 48 entries, \d+ kB Markdown \| 1 \| \d/);
    expect(r.stdout).toMatch(/\nload average \d+\.\d\d at the end\n/);
  }, 180_000); // every case runs for real: ~20 s on an idle machine, 35 s at load 5
});

describe('bench/suite.mjs', () => {
  const suite = (command: string, check = false) =>
    spawnSync(process.execPath, [join(ROOT, 'bench', 'suite.mjs'), '--runs', '1', '--command', command, ...(check ? ['--check'] : [])], {
      cwd: ROOT,
      env: asUsersRunIt(),
      encoding: 'utf8',
    });

  it('times a command against the floor measured before and after it, with its CPU time', () => {
    const r = suite(`"${process.execPath}" -e "let x = 0; for (let i = 0; i < 2e8; i++) x += i"`);
    expect(r.status, r.stderr).toBe(0);
    const [line, floor, ratio] = r.stdout.split('\n');
    expect(line).toMatch(/ -e "let x = 0; .*": passed, \d+\.\d s wall, \d+\.\d\d CPU-s$/);
    expect(Number(/(\d+\.\d\d) CPU-s/.exec(line!)![1])).toBeGreaterThan(0.05); // the loop's CPU time is counted
    expect(floor).toMatch(/^floor: 0\.\d{3} s before, 0\.\d{3} s after \(median of 1 each\)$/);
    expect(ratio).toMatch(/^ratio: \d+x the floor; target <= 1500x \(90 s at a floor of 0\.06 s\): met$/);
  });

  it('--check fails a command that fails', () => {
    const r = suite('exit 3', true);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^exit 3: FAILED \(exit 3\), /);
    expect(r.stdout).toMatch(/: NOT met\n/);
  });
});
