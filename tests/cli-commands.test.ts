import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipeline/orchestrate/build.js';
import type { StageEvent } from '../pipeline/orchestrate/stage.js';
import { fixture, kzpp, sharedBuild, snapshot, tempDir } from './helpers.js';

/** A fresh extract of the synthetic fixture (5 invented prisoners). */
async function extracted(): Promise<string> {
  const out = join(tempDir(), 'out');
  const r = await kzpp(['extract', fixture('mini-report.md'), '--out', out]);
  expect(r.status).toBe(0);
  return out;
}

describe('progress', () => {
  it('prints one line per stage, in order, with a time, on --human; nothing on stderr with --json', async () => {
    const out = join(tempDir(), 'out');
    const human = await kzpp(['extract', fixture('mini-report.md'), '--out', out, '--human']);
    expect(human.status).toBe(0);
    const lines = human.stderr.trim().split('\n');
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['fetch', 'parse', 'extract', 'validate', 'publish', 'wrote']);
    expect(lines[2]).toMatch(/^ {2}extract +5 prisoners, \d+ sections, .* +\d+ ms$/);
    const json = await kzpp(['extract', fixture('mini-report.md'), '--out', out, '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ out, counts: { prisoners: 5 } });
  });

  it('reports every stage of a build to the callback without changing what is published', async () => {
    const observed = tempDir();
    const events: StageEvent[] = [];
    await build({ sourceId: 'odf-2025-02-13-tough-year', dist: observed, onStage: (e) => events.push(e) });
    expect(events.map((e) => e.stage)).toEqual(['fetch', 'parse', 'extract', 'validate', 'validate', 'publish']);
    expect(events.every((e) => e.ms >= 0 && e.summary.length > 0)).toBe(true);
    expect(events[2]!.summary).toMatch(/^48 prisoners, 39 sections, 176 footnotes/);
    expect(snapshot(observed)).toEqual(snapshot(await sharedBuild())); // the run's build without a callback
  });
});

describe('validate', () => {
  let out: string;
  beforeAll(async () => {
    out = await extracted();
  });

  it('accepts an extract directory and its files', async () => {
    const r = await kzpp(['validate', out, join(out, 'prisoners.ndjson'), join(out, 'prisoners.json'), '--json']);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).valid),
    ).toEqual([true, true, true]);
  });

  it('names the line of a record that breaks its schema, and the file that no longer matches its checksums', async () => {
    const dir = await extracted();
    const file = join(dir, 'prisoners.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/"list":"\w+"/, '"list":"released"');
    writeFileSync(file, lines.join('\n'));
    const r = await kzpp(['validate', dir, '--human']);
    expect(r.status).toBe(5);
    expect(r.stdout).toMatch(new RegExp(`^${dir}: INVALID, 4 problems \\(5 prisoners, `));
    const problems = r.stderr.trim().split('\n');
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(new RegExp(`^${file}: sha256 \\w{64}, SHA256SUMS says \\w{64}$`));
    expect(problems[1]).toMatch(new RegExp(`^${file}: \\d+ bytes, datapackage.json says \\d+$`));
    expect(problems[2]).toBe(
      `${file}:line 3: prisoners record "dana-sampleyeva" fails its schema at /list: enum (must be equal to one of the allowed values)`,
    );
    expect(problems[3]).toMatch(/prisoners\.json:line \d+: does not hold the same records as prisoners\.ndjson$/);
  });

  it('finds repeated keys in a single file', async () => {
    const file = join(tempDir(), 'prisoners.ndjson');
    const first = readFileSync(join(out, 'prisoners.ndjson'), 'utf8').split('\n')[0];
    writeFileSync(file, `${first}\n${first}\n`);
    const r = await kzpp(['validate', file, '--human']);
    expect(r.status).toBe(5);
    expect(r.stderr).toBe(`${file}:line 2: prisoners key "arman-testov" repeats the record at line 1\n`);
  });

  it('stops with one line naming file and line on invalid JSON, and exit 2 on an unknown table', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'prisoners.ndjson'), '{"id":"a"}\n{"id":\n');
    const bad = await kzpp(['validate', join(dir, 'prisoners.ndjson')]);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(new RegExp(`^kzpp: error: ${dir}/prisoners.ndjson:line 2: invalid JSON: .*\\n$`));
    writeFileSync(join(dir, 'people.json'), '[]');
    const unknown = await kzpp(['validate', join(dir, 'people.json')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown table "people"/);
  });
});

describe('inspect', () => {
  let out: string;
  beforeAll(async () => {
    out = await extracted();
  });

  it('summarises a table: filled, empty, null and distinct counts per field', async () => {
    const r = await kzpp(['inspect', out, 'prisoners', '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.rows).toBe(5);
    const field = (name: string) => summary.fields.find((f: { field: string }) => f.field === name);
    expect(field('id')).toMatchObject({ types: ['string'], filled: 5, empty: 0, null: 0, distinct: 5 });
    expect(field('list')).toMatchObject({ filled: 5, distinct: 2, top: { value: 'convicted', count: 3 } });
    expect(field('source.line_start')).toMatchObject({ types: ['number'], filled: 5 });
    const sentence = field('sentence_months');
    expect(sentence.filled + sentence.null).toBe(5);
  });

  it('prints one record by key or by row, with its line in the file', async () => {
    const byKey = await kzpp(['inspect', out, 'prisoners', 'dana-sampleyeva', '--human']);
    expect(byKey.status).toBe(0);
    expect(byKey.stdout.split('\n')[0]).toBe(`${out}/prisoners.ndjson:3: prisoners "dana-sampleyeva"`);
    expect(byKey.stdout).toMatch(/^id +dana-sampleyeva$/m);
    const byRow = await kzpp(['inspect', join(out, 'prisoners.json'), '--row', '3', '--json']);
    expect(JSON.parse(byRow.stdout).id).toBe('dana-sampleyeva');
  });

  it('shows a release overview and refuses an unknown key with exit 2', async () => {
    const overview = await kzpp(['inspect', out, '--human']);
    expect(overview.stdout).toMatch(/version \(unversioned extract\)/);
    expect(overview.stdout).toMatch(/^ {2}prisoners +5 records$/m);
    const nowhere = await kzpp(['inspect', join(out, 'no-such-release')]);
    expect(nowhere.status).toBe(3);
    expect(nowhere.stderr).toBe(`kzpp: error: ${out}/no-such-release: no such file or directory\n`);
    const missing = await kzpp(['inspect', out, 'prisoners', 'nobody-at-all']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`kzpp: error: ${out}/prisoners.ndjson: no prisoners record with key "nobody-at-all"\n`);
  });
});
