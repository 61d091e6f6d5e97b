/**
 * Publishing: render a validated dataset to files, then move them into place
 * in one step. A published version is immutable.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { sha256 } from '../lib/hash.js';
import type { Dataset } from '../model/tables.js';
import { schemaText } from '../validate/schemas.js';
import { buildRecords } from './buildinfo.js';
import { CHECKSUMS_FILE, renderChecksums } from './checksums.js';
import { buildDatapackage, DATAPACKAGE_FILE, type ReleaseFacts } from './datapackage.js';
import { analyticFiles } from './analytic.js';
import { renderDictionary } from './dictionary.js';
import { sqliteFileOf } from './analytic-input.js';
import { csvColumns, toCsv, toExcelCsv, toJson, toNdjson } from './formats.js';
import { jsonSchemaOfTable, publishedRows, tableFiles } from './published.js';
import { checkVersion, compareVersions, isVersion } from './version.js';

import type { ReleaseMeta, Rendered } from './types.js';

export type { ReleaseMeta, Rendered } from './types.js';

/**
 * The release's files: each table (extracted, then summaries) as JSON, NDJSON
 * and CSV; the spreadsheet CSVs; the JSON Schemas; Parquet, SQLite and Datasette
 * metadata (analytic.ts); the data dictionary; then
 * manifest.json. More files may be appended; publishing adds datapackage.json
 * and SHA256SUMS over all of them (sealRelease). `extra`: further files of
 * the release (the QA report, the release's history), listed in the manifest like the tables.
 * `site` and `analytic` false leave out the website and the Parquet/SQLite files (the fuzzer's per-case render).
 */
export async function renderDataset(
  dataset: Dataset,
  meta: ReleaseMeta,
  extra: Rendered = new Map(),
  { site = true, analytic = true } = {},
): Promise<Rendered> {
  const files: Rendered = new Map();
  const published = publishedRows(dataset).map(({ table, rows }) => ({
    table,
    rows,
    paths: tableFiles(table),
    schema: jsonSchemaOfTable(table),
  }));
  for (const { rows, paths, schema } of published) {
    files.set(paths.json, Buffer.from(toJson(rows)));
    files.set(paths.ndjson, Buffer.from(toNdjson(rows)));
    files.set(paths.csv, Buffer.from(toCsv(rows, csvColumns(schema as never))));
  }
  for (const { rows, paths, schema } of published) files.set(paths.excel, Buffer.from(toExcelCsv(rows, csvColumns(schema as never))));
  for (const { paths, schema } of published) files.set(paths.schema, Buffer.from(schemaText(schema)));
  if (analytic) for (const [name, bytes] of await analyticFiles({ published, meta })) files.set(name, bytes);
  const countsOf = (derived: boolean) =>
    Object.fromEntries(published.filter((p) => p.table.derived === derived).map((p) => [p.table.name, p.rows.length]));
  files.set('data-dictionary.md', Buffer.from(renderDictionary(dataset, meta.source, sqliteFileOf(meta.pipeline.name))));
  for (const [name, bytes] of extra) files.set(name, bytes);
  for (const [name, bytes] of buildRecords(meta)) files.set(name, bytes); // what built it: SBOM and provenance (issue #13)
  if (site) for (const [name, bytes] of (await import('./site/index.js')).renderSite(dataset, meta, files)) files.set(name, bytes);
  const manifest = {
    version: meta.version,
    created: meta.source.published_on, // the source's date: no wall-clock time in a release
    source: meta.source,
    pipeline: meta.pipeline,
    counts: countsOf(false),
    summaries: countsOf(true),
    files: [...files].map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) })),
  };
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/**
 * Add datapackage.json (describing every file) and SHA256SUMS (hashing every
 * file, datapackage.json included) to a rendered release. Idempotent: a
 * previous seal is replaced, so files appended after renderDataset are covered.
 */
export function sealRelease(rendered: Rendered): Rendered {
  const files: Rendered = new Map([...rendered].filter(([path]) => path !== DATAPACKAGE_FILE && path !== CHECKSUMS_FILE));
  const manifest = files.get('manifest.json');
  if (!manifest) throw new PipelineError('a release needs manifest.json before it is sealed', EXIT.internal);
  const facts = JSON.parse(manifest.toString('utf8')) as ReleaseFacts;
  files.set(DATAPACKAGE_FILE, Buffer.from(`${JSON.stringify(buildDatapackage(files, facts), null, 2)}\n`));
  files.set(CHECKSUMS_FILE, Buffer.from(renderChecksums(files)));
  return files;
}

function writeIndex(dist: string): void {
  const versions = readdirSync(dist).filter(isVersion).sort(compareVersions);
  const index = { latest: versions.at(-1) ?? null, versions };
  writeFileSync(join(dist, '.index.json.tmp'), `${JSON.stringify(index, null, 2)}\n`);
  renameSync(join(dist, '.index.json.tmp'), join(dist, 'index.json'));
}

/** Every file under dir, as paths relative to it ("excel/prisoners.csv"). */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Files that differ between a published directory and what we would publish. */
function differences(dir: string, files: Rendered): string[] {
  const present = new Set(listFiles(dir));
  const changed = [...files].filter(([name, bytes]) => !present.has(name) || !readFileSync(join(dir, name)).equals(bytes)).map(([n]) => n);
  const extra = [...present].filter((n) => !files.has(n));
  return [...changed, ...extra];
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Is the process alive? (EPERM: alive, but not ours.) */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockHolder = (lock: string) => {
  try {
    return Number.parseInt(readFileSync(lock, 'utf8'), 10);
  } catch {
    return Number.NaN; // gone in the meantime
  }
};

/** How long a second build waits for the first before it stops (KZPP_LOCK_WAIT_MS). */
const lockWaitMs = () => Number(process.env.KZPP_LOCK_WAIT_MS ?? 10_000);

/**
 * Take dist/.lock, which holds the builder's PID. The lock file appears
 * complete or not at all (written aside, then hard-linked into place). A lock
 * whose PID is dead was left by a killed build and is taken over; a live one
 * is waited for briefly, then the build stops with a clear message.
 */
function acquireLock(lock: string): void {
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  const deadline = Date.now() + lockWaitMs();
  try {
    for (;;) {
      try {
        linkSync(mine, lock);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = lockHolder(lock);
      if (Number.isInteger(holder) && !isAlive(holder)) {
        takeOverStaleLock(lock, holder);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new PipelineError(
          `another build (PID ${holder}) is publishing into ${dirname(lock)}; waited ${lockWaitMs() / 1000} s (remove the lock only if no build is running)`,
          EXIT.busy,
          { file: lock },
        );
      }
      sleep(100);
    }
  } finally {
    unlinkSync(mine);
  }
}

/**
 * Remove a lock whose build was killed. Moved aside first (atomic), so of two
 * builds finding the same stale lock only one removes it; a lock that turns
 * out to be fresh (another build took over in between) is put back.
 */
function takeOverStaleLock(lock: string, deadPid: number): void {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // already moved by another build
  }
  if (lockHolder(aside) === deadPid) rmSync(aside, { force: true });
  else {
    try {
      linkSync(aside, lock);
    } finally {
      rmSync(aside, { force: true });
    }
  }
}

/** Hold dist/.lock while publishing; a second build waits, then stops with a clear message. */
function withLock<T>(dist: string, fn: () => T): T {
  const lock = join(dist, '.lock');
  acquireLock(lock);
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Temporary directories are only written under the lock, so any left over belong to a killed build. */
function removeStaleTemporaries(dist: string): void {
  for (const name of readdirSync(dist)) {
    if (name.startsWith('.tmp-') || (/^\.lock\.(stale-)?\d+$/.test(name) && !isAlive(Number(name.replace(/\D+/g, '')))))
      rmSync(join(dist, name), { recursive: true, force: true });
  }
}

export type PublishOutcome = 'published' | 'unchanged';

/**
 * Publish dist/<version>/: sealed (datapackage.json, SHA256SUMS), written to a
 * temporary directory, then renamed into place. An existing version with the
 * same bytes is left alone; with different bytes it is refused.
 */
export function publishRelease(dist: string, version: string, rendered: Rendered): PublishOutcome {
  checkVersion(version);
  checkOutputDir(dist, '--dist');
  const files = sealRelease(rendered);
  mkdirSync(dist, { recursive: true });
  return withLock(dist, () => {
    removeStaleTemporaries(dist);
    const target = join(dist, version);
    if (existsSync(target)) {
      const diff = differences(target, files);
      if (diff.length) {
        throw new PipelineError(
          otherFormat(target, files) ??
            `version ${version} is already published with different content (${diff.join(', ')}); published versions are immutable: bump the version`,
          EXIT.publish,
          { file: target },
        );
      }
      writeIndex(dist);
      return 'unchanged';
    }
    const tmp = join(dist, `.tmp-${version}-${process.pid}`);
    writeFiles(tmp, files);
    renameSync(tmp, target);
    pauseForCrashTests();
    writeIndex(dist);
    return 'published';
  });
}

const formatOfManifest = (bytes: Buffer | undefined) => {
  try {
    return (JSON.parse(bytes?.toString('utf8') ?? '') as { source?: { format?: string; file?: string } }).source;
  } catch {
    return undefined;
  }
};

/**
 * The refusal when the published release was built from the source's other file (make, then make FORMAT=pdf):
 * the data is the same, only where rows were read differs, so say so and where a build of this format can go.
 */
function otherFormat(target: string, files: Rendered): string | undefined {
  const published = existsSync(join(target, 'manifest.json')) ? formatOfManifest(readFileSync(join(target, 'manifest.json'))) : undefined;
  const wanted = formatOfManifest(files.get('manifest.json'));
  if (!published?.format || !wanted?.format || published.format === wanted.format) return undefined;
  return (
    `release ${basename(target)} already exists, built from the ${published.format} file (${published.file}); a release is built once: ` +
    `to build it from the ${wanted.format} file, publish elsewhere (kzpp build --format ${wanted.format} --dist DIR, or make FORMAT=${wanted.format} DIST=DIR)`
  );
}

/**
 * Test hook: KZPP_PUBLISH_PAUSE_MS makes publishing pause after each file, so
 * a test can kill a build at chosen points. Unset, it costs nothing.
 */
function pauseForCrashTests(): void {
  const ms = Number(process.env.KZPP_PUBLISH_PAUSE_MS ?? 0);
  if (ms > 0) sleep(ms);
}

export function writeFiles(dir: string, files: Rendered): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
    pauseForCrashTests();
  }
}

/**
 * Ad-hoc output (no versioning; seal datasets first): files go to a temporary sibling first, so a failure
 * before the end leaves OUT as it was. 'replace' (new, empty or an earlier output: see output.ts) swaps the
 * sibling in for OUT whole; 'merge' (a foreign folder, --force) renames each file into it, removing nothing.
 */
export function writeOutput(out: string, files: Rendered, mode: 'replace' | 'merge' = 'replace'): void {
  checkOutputDir(out, '--out');
  const base = out.replace(/\/+$/, '');
  const tmp = `${base}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    writeFiles(tmp, files);
    if (mode === 'replace') swapInto(tmp, base);
    else {
      for (const name of files.keys()) {
        mkdirSync(dirname(join(out, name)), { recursive: true });
        renameSync(join(tmp, name), join(out, name));
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Put a finished directory in place of out: the old one is moved aside first and removed after. */
function swapInto(ready: string, out: string): void {
  const old = `${out}.old-${process.pid}`;
  const had = existsSync(out);
  if (had) renameSync(out, old);
  else mkdirSync(dirname(out), { recursive: true });
  renameSync(ready, out);
  if (had) rmSync(old, { recursive: true, force: true });
}

/** An output directory (OUT, dist) must be one or not exist yet: said before any work is done, not as a crash at the end. */
export function checkOutputDir(dir: string, option: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new PipelineError(`${option} must name a directory (or one to create), but this is a file`, EXIT.usage, { file: dir });
  }
}
