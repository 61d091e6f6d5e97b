import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipeline/orchestrate/build.js';
import type { StageEvent } from '../pipeline/orchestrate/stage.js';
import { cli, fixture, snapshot, tempDir } from './helpers.js';

/** A fresh extract of the synthetic fixture (5 invented prisoners). */
function extracted(): string {
  const out = join(tempDir(), 'out');
  const r = cli(['extract', fixture('mini-report.md'), '--out', out]);
  expect(r.status).toBe(0);
  return out;
}

describe('progress', () => {
  it('prints one line per stage, in order, with a time, on --human; nothing on stderr with --json', () => {
    const out = join(tempDir(), 'out');
    const human = cli(['extract', fixture('mini-report.md'), '--out', out, '--human']);
    expect(human.status).toBe(0);
    const lines = human.stderr.trim().split('\n');
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['fetch', 'parse', 'extract', 'validate', 'publish', 'wrote']);
    expect(lines[2]).toMatch(/^ {2}extract +5 prisoners, \d+ sections, .* +\d+ ms$/);
    const json = cli(['extract', fixture('mini-report.md'), '--out', out, '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ out, counts: { prisoners: 5 } });
  });

  it('reports every stage of a build to the callback without changing what is published', async () => {
    const [observed, plain] = [tempDir(), tempDir()];
    const events: StageEvent[] = [];
    const withEvents = await build({ sourceId: 'odf-2025-02-13-tough-year', dist: observed, onStage: (e) => events.push(e) });
    const without = await build({ sourceId: 'odf-2025-02-13-tough-year', dist: plain });
    expect(events.map((e) => e.stage)).toEqual(['fetch', 'parse', 'extract', 'validate', 'validate', 'publish']);
    expect(events.every((e) => e.ms >= 0 && e.summary.length > 0)).toBe(true);
    expect(events[2]!.summary).toMatch(/^48 prisoners, 39 sections, 176 footnotes/);
    expect(withEvents.dataset).toEqual(without.dataset);
    expect(snapshot(observed)).toEqual(snapshot(plain));
  });
});

describe('validate', () => {
  let out: string;
  beforeAll(() => {
    out = extracted();
  });

  it('accepts an extract directory and its files', () => {
    const r = cli(['validate', out, join(out, 'prisoners.ndjson'), join(out, 'prisoners.json'), '--json']);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).valid),
    ).toEqual([true, true, true]);
  });

  it('names the line of a record that breaks its schema, and the file that no longer matches its checksums', () => {
    const dir = extracted();
    const file = join(dir, 'prisoners.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/"list":"\w+"/, '"list":"released"');
    writeFileSync(file, lines.join('\n'));
    const r = cli(['validate', dir, '--human']);
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

  it('finds repeated keys in a single file', () => {
    const file = join(tempDir(), 'prisoners.ndjson');
    const first = readFileSync(join(out, 'prisoners.ndjson'), 'utf8').split('\n')[0];
    writeFileSync(file, `${first}\n${first}\n`);
    const r = cli(['validate', file, '--human']);
    expect(r.status).toBe(5);
    expect(r.stderr).toBe(`${file}:line 2: prisoners key "arman-testov" repeats the record at line 1\n`);
  });

  it('stops with one line naming file and line on invalid JSON, and exit 2 on an unknown table', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'prisoners.ndjson'), '{"id":"a"}\n{"id":\n');
    const bad = cli(['validate', join(dir, 'prisoners.ndjson')]);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(new RegExp(`^kzpp: error: ${dir}/prisoners.ndjson:line 2: invalid JSON: .*\\n$`));
    writeFileSync(join(dir, 'people.json'), '[]');
    const unknown = cli(['validate', join(dir, 'people.json')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown table "people"/);
  });
});

describe('inspect', () => {
  let out: string;
  beforeAll(() => {
    out = extracted();
  });

  it('summarises a table: filled, empty, null and distinct counts per field', () => {
    const r = cli(['inspect', out, 'prisoners', '--json']);
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

  it('prints one record by key or by row, with its line in the file', () => {
    const byKey = cli(['inspect', out, 'prisoners', 'dana-sampleyeva', '--human']);
    expect(byKey.status).toBe(0);
    expect(byKey.stdout.split('\n')[0]).toBe(`${out}/prisoners.ndjson:3: prisoners "dana-sampleyeva"`);
    expect(byKey.stdout).toMatch(/^id +dana-sampleyeva$/m);
    const byRow = cli(['inspect', join(out, 'prisoners.json'), '--row', '3', '--json']);
    expect(JSON.parse(byRow.stdout).id).toBe('dana-sampleyeva');
  });

  it('shows a release overview and refuses an unknown key with exit 2', () => {
    const overview = cli(['inspect', out, '--human']);
    expect(overview.stdout).toMatch(/version \(unversioned extract\)/);
    expect(overview.stdout).toMatch(/^ {2}prisoners +5 records$/m);
    const nowhere = cli(['inspect', join(out, 'no-such-release')]);
    expect(nowhere.status).toBe(3);
    expect(nowhere.stderr).toBe(`kzpp: error: ${out}/no-such-release: no such file or directory\n`);
    const missing = cli(['inspect', out, 'prisoners', 'nobody-at-all']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`kzpp: error: ${out}/prisoners.ndjson: no prisoners record with key "nobody-at-all"\n`);
  });
});
