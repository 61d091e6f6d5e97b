/**
 * Nothing published is ever written to by another command, and no command
 * writes over a folder it did not write: every writing command refuses a
 * published release (exit 6) and a foreign non-empty folder (exit 2) before
 * it reads anything, leaving them byte for byte as they were.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, kzpp, ROOT, snapshot, tempDir } from './helpers.js';

/** A dist/ holding a published release 1.0.0 (a release manifest and a table), and a foreign folder beside it. */
function layout(): { dist: string; release: string; foreign: string } {
  const dir = tempDir();
  const release = join(dir, 'dist', '1.0.0');
  mkdirSync(release, { recursive: true });
  writeFileSync(join(release, 'manifest.json'), `${JSON.stringify({ version: '1.0.0', counts: { prisoners: 0 } })}\n`);
  writeFileSync(join(release, 'prisoners.json'), '[]\n');
  const foreign = join(dir, 'notes');
  mkdirSync(foreign);
  writeFileSync(join(foreign, 'mine.txt'), 'a file the user keeps here\n');
  return { dist: join(dir, 'dist'), release, foreign };
}

/** Inputs that do not exist: a refusal before anything is read is the only way to get exit 6 or 2 rather than 3 or 4. */
const MISSING = '/nonexistent/report.md';

/** Each writing command, given the directory it would write to. */
const WRITERS: Array<[string, (dir: string) => string[]]> = [
  ['extract', (dir) => ['extract', MISSING, '--out', dir]],
  ['diff', (dir) => ['diff', MISSING, MISSING, '--out', dir]],
  ['build', (dir) => ['build', '--source', 'nonesuch', '--dist', dir]],
  ['release', (dir) => ['release', '--source', 'nonesuch', '--dist', dir]],
];

/** The checkout's own files a release would write to. */
const committed = () => ({ releases: snapshot(join(ROOT, 'releases')), changelog: readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8') });

describe('a published release is never written to', () => {
  it.each(WRITERS)('%s refuses the release and a folder inside it (exit 6, one line naming the release)', async (_, args) => {
    const { dist, release } = layout();
    const before = snapshot(dist),
      own = committed();
    for (const target of [release, join(release, 'sub')]) {
      const r = await kzpp(args(target));
      expect(r.status, r.stderr).toBe(6);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/the published release 1\.0\.0 \(.*dist\/1\.0\.0\): published releases are never written to/);
    }
    expect(snapshot(dist)).toEqual(before);
    expect(committed()).toEqual(own);
  });

  it.each(WRITERS.slice(0, 2))('%s refuses a --out that holds a published release (a dist/)', async (_, args) => {
    const { dist } = layout();
    const before = snapshot(dist);
    const r = await kzpp(args(dist));
    expect(r.status).toBe(6);
    expect(r.stderr).toMatch(/--out holds the published release 1\.0\.0/);
    expect(snapshot(dist)).toEqual(before);
  });

  it('dictionary --file refuses a path in a published release', async () => {
    const { dist, release } = layout();
    const before = snapshot(dist);
    const r = await kzpp(['dictionary', '--file', join(release, 'data-dictionary.md')]);
    expect(r.status).toBe(6);
    expect(snapshot(dist)).toEqual(before);
  });
});

describe('a folder the command did not write', () => {
  it.each(WRITERS)('%s refuses a foreign non-empty folder (exit 2) unless --force, leaving it as it was', async (_, args) => {
    const { foreign } = layout();
    const before = snapshot(foreign);
    const r = await kzpp(args(foreign));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/names a non-empty directory that is not an earlier output of kzpp \w+: .* add --force/);
    expect(snapshot(foreign)).toEqual(before);
  });

  it('--force writes into a foreign folder and removes nothing of it', async () => {
    const { foreign } = layout();
    const r = await kzpp(['extract', fixture('mini-report.md'), '--out', foreign, '--force']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(foreign, 'mine.txt'), 'utf8')).toBe('a file the user keeps here\n');
    expect(readdirSync(foreign)).toContain('prisoners.json');
  });

  it('an earlier output of the same command is replaced whole, never merged', async () => {
    const out = join(tempDir(), 'out');
    expect((await kzpp(['extract', fixture('mini-report.md'), '--out', out])).status).toBe(0);
    const fresh = join(tempDir(), 'fresh');
    expect((await kzpp(['extract', fixture('tables-report.md'), '--out', fresh])).status).toBe(0);
    const again = await kzpp(['extract', fixture('tables-report.md'), '--out', out]);
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(fresh)); // byte for byte what a fresh run writes: nothing of the first run left
    expect((await kzpp(['validate', out])).status).toBe(0);

    const diff = join(tempDir(), 'diff');
    for (const pair of [
      ['edition-1.md', 'edition-2.md'],
      ['edition-1.md', 'edition-1.md'],
    ]) {
      const r = await kzpp(['diff', ...pair.map(fixture), '--out', diff]);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(readFileSync(join(diff, 'diff.ndjson'), 'utf8')).toBe('');
  });
});
