import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordedVersions } from '../pipeline/history/records.js';
import { TABLE_NAMES } from '../pipeline/model/tables.js';
import { cli, fixture, REPORT_MD, ROOT, sharedBuild, sharedBuildStdout, snapshot, tempDir } from './helpers.js';

/** The version a build publishes: package.json's. */
const V: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
/** Recorded releases, oldest first: a build into an empty dist rebuilds the latest older one to diff against. */
const RECORDED = recordedVersions(join(ROOT, 'releases'));

describe('build', () => {
  it('publishes a complete release, byte-identical on a rebuild, and refuses to change a published version', async () => {
    // the first build is the run's shared one (made by `kzpp build --json` into an empty dist), copied to build on
    const dist = join(tempDir(), 'dist');
    cpSync(await sharedBuild(), dist, { recursive: true });
    expect(JSON.parse(await sharedBuildStdout())).toMatchObject({ version: V, outcome: 'published', counts: { prisoners: 48 } });
    const files = snapshot(dist);
    const tableFiles = TABLE_NAMES.flatMap((t) => ['csv', 'json', 'ndjson'].map((ext) => `/${V}/${t}.${ext}`));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        `/${V}/manifest.json`,
        `/${V}/qa.json`,
        `/${V}/qa.md`,
        `/${V}/datapackage.json`,
        `/${V}/SHA256SUMS`,
        `/${V}/CHANGELOG.md`,
        `/${V}/DIFF.md`,
        `/${V}/changes.csv`,
        `/${V}/diff.json`,
        `/${V}/diff.ndjson`,
        ...tableFiles,
        '/index.json',
      ]),
    );
    const manifest = JSON.parse(readFileSync(join(dist, V, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      version: V,
      created: '2025-02-13',
      counts: { prisoners: 48 },
      source: { sha256: 'e53c9f00ecd63e0be1117a768b8238c852bc714fd61fe01e37b68acf875ddb8f' },
    });
    expect(JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8'))).toEqual({
      latest: V,
      versions: [...RECORDED.filter((v) => v !== V).slice(-1), V],
    });

    const again = cli(['build', '--dist', dist, '--json']);
    expect(JSON.parse(again.stdout).outcome).toBe('unchanged');
    expect(snapshot(dist)).toEqual(files);

    writeFileSync(join(dist, V, 'prisoners.csv'), 'edited');
    const refused = cli(['build', '--dist', dist]);
    expect(refused.status).toBe(6);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      new RegExp(`version ${V.replaceAll('.', '\\.')} is already published with different content \\(prisoners\\.csv\\)`),
    );
  }, 90_000); // two builds, each rendering the website too

  it('builds identical bytes in two separate directories', async () => {
    const [a, b] = [await sharedBuild('a'), await sharedBuild('b')];
    expect(Object.keys(snapshot(a)).length).toBeGreaterThan(100);
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it('stops on a checksum mismatch in the mirror, naming file and hashes, and publishes nothing', () => {
    const mirror = tempDir();
    mkdirSync(join(mirror, 'odf-2025-02-13-tough-year'));
    writeFileSync(join(mirror, 'odf-2025-02-13-tough-year', 'report.md'), readFileSync(REPORT_MD, 'utf8').replace('48', '49'));
    const dist = tempDir();
    const r = cli(['build', '--dist', dist, '--mirror', mirror]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^kzpp: error: .*report\.md: checksum mismatch: expected sha256 e53c9f00\w+, got \w{64}\n$/);
    expect(snapshot(dist)).toEqual({});
  });
});

describe('extract', () => {
  it("writes the dataset files for a document in the report's format", () => {
    const out = join(tempDir(), 'out');
    const r = cli(['extract', fixture('mini-report.md'), '--out', out]);
    expect(r.status).toBe(0);
    const rows = readFileSync(join(out, 'prisoners.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((p) => p.id)).toEqual([
      'arman-testov',
      'zhan-bolat-examplov',
      'dana-sampleyeva',
      'olzhas-placeholderov',
      'aigul-fictiva',
    ]);
    expect(readFileSync(join(out, 'prisoners.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,list,number,name,/);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).version).toBeNull();
  });

  it.each([
    ['no list of prisoners', '# A report\n\nJust prose.\n', 3, /no list of political prisoners found/],
    [
      'an entry without a name',
      '## THE LIST OF POLITICAL PRISONERS\n\n## CONVICTED\n\n1 – 5 years.\n',
      3,
      /:line 5: list entry .* has a number but no name/,
    ],
    ['an empty file', '', 3, /:line 1: the document is empty/],
    ['damaged UTF-8', Buffer.from([0x61, 0xe2, 0x80, 0x93, 0x0a, 0x62, 0xff, 0x0a]), 3, /:line 2: not valid UTF-8/],
  ])('on %s: one line naming the file, non-zero exit, OUT untouched', (_, content, status, message) => {
    const dir = tempDir();
    const input = join(dir, 'bad.md');
    writeFileSync(input, content);
    const out = join(dir, 'out');
    cpSync(fixture('mini-report.md'), join(dir, 'keep.md'));
    mkdirSync(out);
    writeFileSync(join(out, 'prisoners.json'), 'previous');
    const before = snapshot(out);
    const r = cli(['extract', input, '--out', out, '--force']); // --force: OUT is not an earlier output, and is written into only on success
    expect(r.status).toBe(status);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(input);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\s+at /); // no stack trace
    expect(snapshot(out)).toEqual(before);
  });

  it('reports a missing input file', () => {
    const r = cli(['extract', '/nonexistent/report.md', '--out', tempDir()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('kzpp: error: /nonexistent/report.md: cannot read the file (ENOENT)\n');
  });
});

describe('usage', () => {
  it('lists the commands and exits 2 on an unknown one', () => {
    expect(cli(['--help']).stdout).toMatch(/build .*\n\s+extract .*\n[\s\S]*\n\s+schemas /);
    const r = cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(existsSync('frobnicate')).toBe(false);
  });
});
