import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFiles } from '../pipeline/history/index.js';
import { recordedVersions } from '../pipeline/history/records.js';
import { reproduceRecordedReleases } from '../pipeline/orchestrate/reproduce.js';
import { emptyIdentity, type Identity } from '../pipeline/identity/ledger.js';
import type { Dataset } from '../pipeline/model/tables.js';
import { publishRelease } from '../pipeline/publish/publish.js';
import { renderDataset } from '../pipeline/publish/render.js';
import type { ReleaseMeta } from '../pipeline/publish/types.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, installProgram, kzpp, MIRROR, modelOf, ROOT, tempDir } from './helpers.js';
import { EXIT } from '../pipeline/errors.js';

/** The tampering tests tamper with the record of the version the current code builds. */
const V: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const VRE = V.replaceAll('.', '\\.');

const edition = (name: string, identity: Identity): Dataset =>
  extractAll(modelOf(readFileSync(fixture(name), 'utf8'), name), name.replace('.md', ''), identity).dataset;
const meta = (version: string, published_on: string): ReleaseMeta => ({
  version,
  source: { id: `ed-${version}`, file: 'report.md', format: 'markdown', sha256: 'a'.repeat(64), published_on },
  pipeline: { name: 'kzpp-test', version: '0.0.0' },
});
/** Publish a dataset as `version` into dist the way build does: with its history. */
const release = async (dist: string, version: string, dataset: Dataset, date: string) => {
  const m = meta(version, date);
  return publishRelease(dist, version, await renderDataset(dataset, m, historyFiles(dist, dataset, m)));
};
const read = (dist: string, version: string, file: string) => readFileSync(join(dist, version, file), 'utf8');

describe('releases carry their history', () => {
  const identity = emptyIdentity();
  const first = edition('edition-1.md', identity);
  const second = edition('edition-2.md', identity);

  it('the first release is diffed against nothing; the next against it; an unchanged one gets an empty diff', async () => {
    const dist = tempDir();
    await release(dist, '1.0.0', first, '2025-01-01');
    expect(JSON.parse(read(dist, '1.0.0', 'diff.json')).tables.prisoners.counts).toMatchObject({ added: 6, removed: 0 });

    await release(dist, '1.1.0', second, '2025-06-01');
    const diff = JSON.parse(read(dist, '1.1.0', 'diff.json'));
    expect(diff.from).toMatchObject({ label: '1.0.0', version: '1.0.0' });
    expect(diff.tables.prisoners.counts).toEqual({ added: 1, removed: 1, changed: 3, repositioned: 2, moved: 0, unchanged: 0 });
    expect(diff.bump).toBe('minor');
    expect(JSON.parse(read(dist, '1.1.0', 'manifest.json')).files.map((f: { path: string }) => f.path)).toContain('diff.json');

    await release(dist, '1.1.1', second, '2025-06-01');
    for (const file of ['diff.json', 'diff.ndjson', 'DIFF.md', 'changes.csv']) expect(existsSync(join(dist, '1.1.1', file))).toBe(true);
    expect(JSON.parse(read(dist, '1.1.1', 'diff.json')).tables.prisoners.counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      repositioned: 0,
      moved: 0,
      unchanged: 6,
    });
    expect(read(dist, '1.1.1', 'diff.ndjson')).toBe('');
    expect(read(dist, '1.1.1', 'changes.csv')).toBe('table,id,label,op,field,kind,from,to\r\n');

    const log = read(dist, '1.1.1', 'CHANGELOG.md');
    expect([...log.matchAll(/^## \[(.+?)\] - (\S+)$/gm)].map((m) => [m[1], m[2]])).toEqual([
      ['1.1.1', '2025-06-01'],
      ['1.1.0', '2025-06-01'],
      ['1.0.0', '2025-01-01'],
    ]);
    expect(log).toMatch(/## \[1\.1\.0\][\s\S]*### Added\n\n- prisoners: 1 record added: Aset Newcomerov \(`aset-newcomerov`\)/);
    expect(log).toMatch(
      /## \[1\.1\.0\][\s\S]*### Changed\n\n- prisoners: Saule Tursynova \(`saule-tursynova`\): sentence_text, sentence_months, sentence_terms_months, convicted_on/,
    );
    expect(log).toMatch(/## \[1\.1\.0\][\s\S]*### Removed\n\n- prisoners: 1 record removed: Erlan Zhorgabayev/);
    expect(log).toContain('no change to the data since 1.1.0');
  });

  it('refuses a version bump smaller than the diff calls for, publishing nothing', async () => {
    const dist = tempDir();
    await release(dist, '1.0.0', first, '2025-01-01');
    await expect(release(dist, '1.0.1', second, '2025-06-01')).rejects.toThrow(
      /version 1\.0\.1 is a patch release after 1\.0\.0, but the diff calls for a minor one/,
    );
    expect(existsSync(join(dist, '1.0.1'))).toBe(false);
    // a field removed is a schema break: a minor version is not enough
    const withoutGroup = { ...first, prisoners: first.prisoners.map(({ group: _, ...p }) => p) } as unknown as Dataset;
    await expect(release(dist, '1.1.0', withoutGroup, '2025-06-01')).rejects.toThrow(/calls for a major one \(the schema broke\)/);
    // a correction is a patch
    const corrected = { ...first, prisoners: first.prisoners.map((p, i) => (i === 0 ? { ...p, custody_since: '2023-01-03' } : p)) };
    expect(await release(dist, '1.0.1', corrected, '2025-06-01')).toBe('published');
    expect(JSON.parse(read(dist, '1.0.1', 'diff.json')).bump).toBe('patch');
  });
});

describe('make verify', () => {
  // Every recorded release is rebuilt once per test run, by the help's pasted `npx kzpp verify` (cli-help.test.ts:
  // exit 0, nothing on stderr but "identical"), and again by CI's make verify; here the newest two, in-process: the
  // current code, and the release before it at its commit (each older one costs a process of its own code, 5 s of CPU).
  it('passes on the committed records and the committed CHANGELOG.md: the current release, and the one before at its commit', async () => {
    const newest = recordedVersions(join(ROOT, 'releases')).slice(-2);
    const results = await reproduceRecordedReleases({ versions: newest });
    expect(results.map((r) => [r.version, r.how.replace(/^commit \w+$/, 'commit'), r.problems])).toEqual(
      newest.map((v) => [v, v === V ? 'current code' : 'commit', []]),
    );
  });

  it('the full rebuild stays in make test: verify --help pastes `npx kzpp verify` (run by cli-help.test.ts)', async () => {
    expect((await kzpp(['verify', '--help'])).stdout).toMatch(/^ {2}npx kzpp verify$/m);
  });

  it('fails naming each file whose bytes differ from its record', async () => {
    const releases = tempDir();
    const record = JSON.parse(readFileSync(join(ROOT, 'releases', `${V}.json`), 'utf8'));
    record.files.find((f: { path: string }) => f.path === 'prisoners.csv').sha256 = '0'.repeat(64);
    record.files.push({ path: 'gone.json', bytes: 1, sha256: '1'.repeat(64) });
    writeFileSync(join(releases, `${V}.json`), JSON.stringify(record));
    const changelog = join(tempDir(), 'CHANGELOG.md');
    writeFileSync(changelog, '# stale\n');
    const [result] = await reproduceRecordedReleases({ releases, changelog });
    expect(result!.problems).toEqual([
      expect.stringMatching(new RegExp(`^${VRE}/prisoners\\.csv: sha256 \\w+… rebuilt, 000000000000… recorded$`)),
      `${V}/gone.json: missing from the rebuild`,
      `${changelog}: differs from the changelog of release ${V} (run make release)`,
    ]);
  });

  it('verify VERSION rebuilds only that release; an unrecorded one is refused in one line', async () => {
    const results = await reproduceRecordedReleases({ versions: [V] });
    expect(results.map((r) => [r.version, r.how, r.problems])).toEqual([[V, 'current code', []]]);
    const r = await kzpp(['verify', '0.0.9']);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/^kzpp: error: .*releases: no release 0\.0\.9 is recorded \(recorded: 1\.0\.0, .*\)\n$/);
  });

  it('the CLI exits 5 when a release differs, one line per file', () => {
    // The program installed in a copy of the project (its own releases/ are the ones verify reads), with the
    // current version's record tampered with; only that version is rebuilt (the older ones: the test above).
    const project = join(tempDir(), 'project');
    execFileSync('git', ['clone', '-q', '--shared', ROOT, project]);
    installProgram(project);
    const record = JSON.parse(readFileSync(join(project, 'releases', `${V}.json`), 'utf8'));
    record.files.find((f: { path: string }) => f.path === 'manifest.json').sha256 = '0'.repeat(64);
    writeFileSync(join(project, 'releases', `${V}.json`), JSON.stringify(record));
    const r = spawnSync(process.execPath, [join(project, 'bin', 'kzpp.js'), 'verify', V, '--mirror', MIRROR], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(
      new RegExp(
        `^(?:\\d+\\.\\d+\\.\\d+ \\(commit \\w+\\): identical\\n)*${VRE} \\(current code\\): 1 differences\\n  ${VRE}/manifest\\.json: sha256 \\w+… rebuilt, 000000000000… recorded\\n` +
          `kzpp: error: releases differ from their records: ${VRE}\\n$`,
      ),
    );
  }, 300_000);
});
