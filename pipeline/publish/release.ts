/**
 * Publishing: render a validated dataset to files, then move them into place
 * in one step. A published version is immutable.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { sha256 } from '../fetch/fetch.js';
import { type Dataset, TABLE_NAMES } from '../model/tables.js';
import { jsonSchemaFor } from '../validate/schemas.js';
import { csvColumns, toCsv, toJson, toNdjson } from './formats.js';

export interface ReleaseMeta {
  version: string | null;
  source: { id: string; file: string; format: string; sha256: string; published_on: string | null };
  pipeline: { name: string; version: string };
}

/** File name -> bytes, in a fixed order. */
export type Rendered = Map<string, Buffer>;

/** `extra`: further files of the release (the QA report), listed in the manifest like the tables. */
export function renderDataset(dataset: Dataset, meta: ReleaseMeta, extra: Rendered = new Map()): Rendered {
  const files: Rendered = new Map();
  const counts: Record<string, number> = {};
  for (const table of TABLE_NAMES) {
    const rows = dataset[table] as Array<Record<string, unknown>>;
    counts[table] = rows.length;
    files.set(`${table}.json`, Buffer.from(toJson(rows)));
    files.set(`${table}.ndjson`, Buffer.from(toNdjson(rows)));
    files.set(`${table}.csv`, Buffer.from(toCsv(rows, csvColumns(jsonSchemaFor(table) as never))));
  }
  for (const [name, bytes] of extra) files.set(name, bytes);
  const manifest = {
    version: meta.version,
    created: meta.source.published_on, // the source's date: no wall-clock time in a release
    source: meta.source,
    pipeline: meta.pipeline,
    counts,
    files: [...files].map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) })),
  };
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/** Semver order: "1.10.0" after "1.9.0". */
export const compareVersions = (a: string, b: string) => {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

const SEMVER = /^\d+\.\d+\.\d+$/;

function writeIndex(dist: string): void {
  const versions = readdirSync(dist).filter((d) => SEMVER.test(d)).sort(compareVersions);
  const index = { latest: versions.at(-1) ?? null, versions };
  writeFileSync(join(dist, '.index.json.tmp'), `${JSON.stringify(index, null, 2)}\n`);
  renameSync(join(dist, '.index.json.tmp'), join(dist, 'index.json'));
}

/** Files that differ between a published directory and what we would publish. */
function differences(dir: string, files: Rendered): string[] {
  const present = new Set(readdirSync(dir));
  const changed = [...files].filter(([name, bytes]) => !present.has(name) || !readFileSync(join(dir, name)).equals(bytes)).map(([n]) => n);
  const extra = [...present].filter((n) => !files.has(n));
  return [...changed, ...extra];
}

/** Hold dist/.lock while publishing; a second build stops with a clear message. */
function withLock<T>(dist: string, fn: () => T): T {
  const lock = join(dist, '.lock');
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    throw new PipelineError(`another build is publishing (lock ${lock} exists; remove it if no build is running)`, EXIT.busy, { file: lock });
  }
  try {
    writeFileSync(fd, `${process.pid}\n`);
    return fn();
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

export type PublishOutcome = 'published' | 'unchanged';

/**
 * Publish dist/<version>/: written to a temporary directory, then renamed into
 * place. An existing version with the same bytes is left alone; with different
 * bytes it is refused.
 */
export function publishRelease(dist: string, version: string, files: Rendered): PublishOutcome {
  if (!SEMVER.test(version)) throw new PipelineError(`version "${version}" is not MAJOR.MINOR.PATCH`, EXIT.usage, { file: 'package.json' });
  mkdirSync(dist, { recursive: true });
  return withLock(dist, () => {
    const target = join(dist, version);
    if (existsSync(target)) {
      const diff = differences(target, files);
      if (diff.length) {
        throw new PipelineError(
          `version ${version} is already published with different content (${diff.join(', ')}); published versions are immutable: bump the version`,
          EXIT.publish,
          { file: target },
        );
      }
      writeIndex(dist);
      return 'unchanged';
    }
    const tmp = join(dist, `.tmp-${version}-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    writeFiles(tmp, files);
    renameSync(tmp, target);
    writeIndex(dist);
    return 'published';
  });
}

function writeFiles(dir: string, files: Rendered): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
}

/**
 * Ad-hoc output (no versioning): files go to a temporary sibling first, then
 * each is renamed into OUT, so a failure before this point leaves OUT as it was.
 */
export function writeOutput(out: string, files: Rendered): void {
  const tmp = `${out.replace(/\/+$/, '')}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  writeFiles(tmp, files);
  mkdirSync(out, { recursive: true });
  for (const name of files.keys()) renameSync(join(tmp, name), join(out, name));
  rmSync(tmp, { recursive: true, force: true });
}
