/**
 * A release as its consumers see it: loaded by DuckDB (a real CSV/JSON reader,
 * not ours), rebuilt byte for byte, and never left half-written by a killed
 * or concurrent build.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkReleaseIntegrity } from '../pipeline/publish/integrity.js';
import { listFiles } from '../pipeline/lib/files.js';
import { kzpp, ROOT, sharedBuild, tempDir } from './helpers.js';
import { recordedVersions } from '../pipeline/history/records.js';

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
/** A build into an empty dist first rebuilds the latest recorded release before VERSION, to diff against. */
const PREVIOUS = recordedVersions(join(ROOT, 'releases'))
  .filter((v) => v !== VERSION)
  .slice(-1);

let release: string;
beforeAll(async () => {
  release = join(await sharedBuild(), VERSION);
});

describe('DuckDB', () => {
  it('loads every CSV (read_csv_auto) and NDJSON file (read_json_auto) with the row count of its JSON twin', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const count = async (sql: string) => Number((await db.runAndReadAll(sql)).getRowObjects()[0]!.n);
    const files = listFiles(release).filter((f) => /\.(csv|ndjson)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const stem = file.replace(/^excel\//, '').replace(/\.(csv|ndjson)$/, '');
      const twin = [`${stem}.json`, `summaries/${stem}.json`]
        .filter((f) => existsSync(join(release, f)))
        .map((f) => JSON.parse(readFileSync(join(release, f), 'utf8')) as unknown)
        .find(Array.isArray);
      // The diff files (changes.csv, diff.ndjson) have no table twin: count their records by line.
      const expected = twin
        ? twin.length
        : readFileSync(join(release, file), 'utf8').split(/\r?\n/).filter(Boolean).length - (file.endsWith('.csv') ? 1 : 0);
      const path = join(release, file).replace(/'/g, "''");
      const reader = file.endsWith('.csv')
        ? `read_csv_auto('${path}', header = true)`
        : `read_json_auto('${path}', format = 'newline_delimited')`;
      expect(await count(`select count(*) as n from ${reader}`), file).toBe(expected);
    }
    // Columns come through by name, with the values of the JSON.
    const prisoners = JSON.parse(readFileSync(join(release, 'prisoners.json'), 'utf8'));
    const ids = (await db.runAndReadAll(`select id from read_csv_auto('${join(release, 'prisoners.csv')}') order by id`))
      .getRowObjects()
      .map((r) => r.id);
    expect(ids).toEqual(prisoners.map((p: { id: string }) => p.id).sort());
    db.closeSync();
  });
});

describe('keys, checked by DuckDB', () => {
  type Fk = { fields: string[]; reference: { resource: string; fields: string[] } };
  type Resource = { name: string; path: string; schema?: { primaryKey?: string[]; foreignKeys?: Fk[] } };

  it('every primaryKey is unique and every foreignKey value exists in the table it refers to', async () => {
    const resources = (JSON.parse(readFileSync(join(release, 'datapackage.json'), 'utf8')).resources as Resource[]).filter(
      (r) => r.path.endsWith('.csv') && r.schema,
    );
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const table = (r: Resource) => `read_csv_auto('${join(release, r.path)}', header = true, all_varchar = true)`;
    const count = async (sql: string) => Number((await db.runAndReadAll(sql)).getRowObjects()[0]!.n);
    const quoted = (fields: string[]) => fields.map((f) => `"${f}"`).join(', ');
    let keys = 0;
    for (const r of resources) {
      const pk = r.schema!.primaryKey;
      if (pk) {
        keys++;
        expect(await count(`select count(*) - count(distinct (${quoted(pk)})) as n from ${table(r)}`), `${r.name} primary key`).toBe(0);
      }
      for (const fk of r.schema!.foreignKeys ?? []) {
        const target = resources.find((t) => t.name === fk.reference.resource)!;
        expect(target, fk.reference.resource).toBeDefined();
        const missing = await count(
          `select count(*) as n from ${table(r)} c where (${quoted(fk.fields)}) is not null and (${fk.fields.map((f) => `c."${f}"`).join(', ')}) not in (select (${quoted(fk.reference.fields)}) from ${table(target)})`,
        );
        expect(missing, `${r.name}.${fk.fields.join(',')} -> ${fk.reference.resource}`).toBe(0);
      }
    }
    expect(keys).toBeGreaterThan(0);
    db.closeSync();
  });
});

describe('reproducible', () => {
  it('two builds from clean produce the same SHA256SUMS and the same bytes', async () => {
    const [a, b] = [await sharedBuild('a'), await sharedBuild('b')];
    const sums = (d: string) => readFileSync(join(d, VERSION, 'SHA256SUMS'), 'utf8');
    expect(sums(a)).toBe(sums(b));
    expect(sums(a)).toBe(readFileSync(join(release, 'SHA256SUMS'), 'utf8'));
    for (const f of listFiles(join(a, VERSION)))
      expect(readFileSync(join(a, VERSION, f)).equals(readFileSync(join(b, VERSION, f))), f).toBe(true);
  });
});

/** dist/ holds only complete releases: each version verifies, no half-written version directory. */
function expectOnlyCompleteReleases(dist: string): void {
  for (const name of readdirSync(dist)) {
    if (!/^\d+\.\d+\.\d+$/.test(name)) continue;
    expect(checkReleaseIntegrity(join(dist, name)).problems, name).toEqual([]);
  }
  if (existsSync(join(dist, 'index.json'))) {
    const index = JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8'));
    for (const v of index.versions) expect(existsSync(join(dist, v)), v).toBe(true);
  }
}

const PAUSE_MS = 15;

function startBuild(dist: string, hook: Record<string, string> = { KZPP_PUBLISH_PAUSE_MS: String(PAUSE_MS) }): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin', 'kzpp.js'), 'build', '--dist', dist], {
    cwd: ROOT,
    env: { ...process.env, ...hook },
    stdio: 'ignore',
  });
}

/** Held builds, killed after each test: one that failed must not leave a build waiting for its gate. */
const held: ChildProcess[] = [];
afterEach(() => {
  for (const child of held.splice(0)) child.kill('SIGKILL');
});

/** A build that holds dist's lock after its first file until the test opens its gate (writes the gate file). */
function heldBuild(dist: string): { child: ChildProcess; exited: Promise<number | null>; open: () => void } {
  const gate = join(tempDir(), 'gate');
  const child = startBuild(dist, { KZPP_PUBLISH_GATE: gate });
  held.push(child);
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  return { child, exited, open: () => writeFileSync(gate, '') };
}

const until = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + 100_000; // below the test's timeout: a slow machine is not a failure, a hang is
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

const tempFilesIn = (dist: string) => {
  const tmp = existsSync(dist) ? readdirSync(dist).find((n) => n.startsWith('.tmp-')) : undefined;
  return tmp ? listFiles(join(dist, tmp)).length : -1;
};

describe('atomic and immutable', () => {
  // Kill points: lock taken, first file written, half the files written, renamed into place but index not yet written.
  const points: Array<[string, (dist: string) => boolean]> = [
    ['holding the lock', (d) => existsSync(join(d, '.lock'))],
    ['after the first file', (d) => tempFilesIn(d) >= 1],
    ['half-way', (d) => tempFilesIn(d) >= 20],
    ['after the rename', (d) => existsSync(join(d, VERSION))],
  ];

  it.each(points)(
    'a build killed (SIGKILL) %s leaves only complete releases, and the next build succeeds',
    async (_, reached) => {
      const dist = tempDir();
      const child = startBuild(dist);
      const exited = new Promise((r) => child.on('exit', r));
      await until(() => reached(dist), 'the kill point');
      child.kill('SIGKILL');
      await exited;
      expectOnlyCompleteReleases(dist);

      const next = await kzpp(['build', '--dist', dist, '--json']); // the next build, in the test process: the killed one was real
      expect(next.stderr).toBe('');
      expect(next.status).toBe(0);
      expect(
        readdirSync(dist)
          .filter((n) => n.startsWith('.'))
          .sort(),
      ).toEqual([]); // no lock, no temporary left
      expect(checkReleaseIntegrity(join(dist, VERSION)).problems).toEqual([]);
      expect(JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8')).versions).toEqual([...PREVIOUS, VERSION]);
    },
    60_000,
  );

  it('a second build while one is publishing waits, then stops with a clear message; the first completes', async () => {
    const dist = tempDir();
    const first = heldBuild(dist); // holds the lock until its gate opens
    await until(() => tempFilesIn(dist) >= 1, 'the first build to take the lock and write');
    const second = spawnSync(process.execPath, [join(ROOT, 'bin', 'kzpp.js'), 'build', '--dist', dist], {
      cwd: ROOT,
      env: { ...process.env, KZPP_LOCK_WAIT_MS: '200' },
      encoding: 'utf8',
    });
    first.open();
    expect(second.status).toBe(7);
    expect(second.stderr).toMatch(/^kzpp: error: .*\.lock: another build \(PID \d+\) is publishing into .*; waited 0\.2 s/);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(await first.exited).toBe(0);
    expectOnlyCompleteReleases(dist);
    // Waiting long enough, a second build goes through once the first is done.
    const other = tempDir();
    const third = heldBuild(other);
    await until(() => tempFilesIn(other) >= 1, 'the third build to take the lock and write');
    const fourth = spawn(process.execPath, [join(ROOT, 'bin', 'kzpp.js'), 'build', '--dist', other, '--json'], {
      cwd: ROOT,
      env: { ...process.env, KZPP_LOCK_WAIT_MS: '120000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    fourth.stdout!.on('data', (d) => (stdout += d));
    const fourthExited = new Promise<number | null>((r) => fourth.on('exit', r));
    // the fourth waits for the lock (its candidate lock file .lock.<pid> is there) before the third may finish
    await until(() => existsSync(join(other, `.lock.${fourth.pid}`)), 'the fourth build to wait for the lock');
    third.open();
    expect(await fourthExited).toBe(0);
    expect(['published', 'unchanged']).toContain(JSON.parse(stdout).outcome);
    expect(await third.exited).toBe(0);
    expectOnlyCompleteReleases(other);
  }, 60_000);

  it('a lock left by a dead process is taken over, and its temporary directory removed', async () => {
    const dist = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    mkdirSync(join(dist, `.tmp-${VERSION}-${pid}`));
    writeFileSync(join(dist, `.tmp-${VERSION}-${pid}`, 'prisoners.json'), '[');
    writeFileSync(join(dist, '.lock'), `${pid}\n`);
    const r = await kzpp(['build', '--dist', dist]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dist).sort()).toEqual([...PREVIOUS, VERSION, 'index.json']);
  });

  it('never rewrites a published version', async () => {
    const dist = join(tempDir(), 'dist');
    cpSync(await sharedBuild(), dist, { recursive: true }); // a dist as `kzpp build` published it
    writeFileSync(join(dist, VERSION, 'summaries', 'prisoners_by_group.csv'), 'edited');
    const r = await kzpp(['build', '--dist', dist]);
    expect(r.status).toBe(6);
    expect(r.stderr).toMatch(/already published with different content \(summaries\/prisoners_by_group\.csv\)/);
    expect(readFileSync(join(dist, VERSION, 'summaries', 'prisoners_by_group.csv'), 'utf8')).toBe('edited');
  });
});
