/**
 * releases/<version>.json, committed: what a published release is, file by
 * file (bytes, sha256), with its source and pipeline version. The code that
 * built a release is the commit that last changed its record.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { sha256 } from '../lib/hash.js';
import { ownPath, projectRoot } from '../lib/project.js';
import { listFiles } from '../lib/files.js';
import { compareVersions } from '../publish/version.js';
import { readManifest } from '../publish/read-release.js';

export interface ReleaseRecord {
  version: string;
  source: { id: string; file: string; format: string; sha256: string };
  pipeline: { name: string; version: string };
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

/** The committed release records: the package's own, wherever the CLI is started. */
export const RELEASES_DIR = ownPath('releases');
export const recordPath = (version: string, dir = RELEASES_DIR) => join(dir, `${version}.json`);

/** The record of a published release directory: every file in name order. */
export function recordOf(releaseDir: string): ReleaseRecord {
  const manifest = readManifest(releaseDir);
  const files = listFiles(releaseDir)
    .sort()
    .map((path) => {
      const bytes = readFileSync(join(releaseDir, path));
      return { path, bytes: bytes.length, sha256: sha256(bytes) };
    });
  const { id, file, format, sha256: hash } = manifest.source;
  return { version: manifest.version!, source: { id, file, format, sha256: hash }, pipeline: manifest.pipeline, files };
}

export const recordText = (record: ReleaseRecord) => `${JSON.stringify(record, null, 2)}\n`;

export function readRecord(file: string): ReleaseRecord {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReleaseRecord;
  } catch (e) {
    throw new PipelineError(`cannot read the release record (${(e as Error).message})`, EXIT.validation, { file });
  }
}

/** Recorded versions, oldest first. */
export function recordedVersions(dir = RELEASES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort(compareVersions);
}

/** Differences between a record and a rebuilt release directory, one line per file. */
export function compareWithRecord(record: ReleaseRecord, releaseDir: string): string[] {
  if (!existsSync(releaseDir)) return [`${record.version}: not rebuilt`];
  const rebuilt = new Map(recordOf(releaseDir).files.map((f) => [f.path, f]));
  const problems: string[] = [];
  for (const f of record.files) {
    const now = rebuilt.get(f.path);
    if (!now) problems.push(`${record.version}/${f.path}: missing from the rebuild`);
    else if (now.sha256 !== f.sha256)
      problems.push(`${record.version}/${f.path}: sha256 ${now.sha256.slice(0, 12)}… rebuilt, ${f.sha256.slice(0, 12)}… recorded`);
    rebuilt.delete(f.path);
  }
  for (const path of rebuilt.keys()) problems.push(`${record.version}/${path}: in the rebuild but not recorded`);
  return problems;
}

/**
 * Record a release: releases/<version>.json. A record is immutable like the
 * release: writing different files under a recorded version is refused.
 */
export function writeRecord(releaseDir: string, dir = RELEASES_DIR): { file: string; outcome: 'recorded' | 'unchanged' } {
  const record = recordOf(releaseDir);
  const file = recordPath(record.version, dir);
  if (existsSync(file)) {
    if (readFileSync(file, 'utf8') === recordText(record)) return { file, outcome: 'unchanged' };
    const problems = compareWithRecord(readRecord(file), releaseDir);
    throw new PipelineError(
      `release ${record.version} is recorded with other content (${problems.join('; ') || 'metadata'}); bump the version`,
      EXIT.publish,
      { file },
    );
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, recordText(record));
  return { file, outcome: 'recorded' };
}

/** The commit that last changed a release record: the code that built that release. */
export function commitOf(file: string): string | null {
  try {
    return (
      execFileSync('git', ['log', '-1', '--format=%H', '--', resolve(file)], {
        cwd: projectRoot(),
        encoding: 'utf8',
        stdio: 'pipe',
      }).trim() || null
    );
  } catch {
    return null; // not in the checkout's history (outside it, or no git): the code that built it is unknown
  }
}
