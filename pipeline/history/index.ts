/**
 * Releases carry their history: each release holds its diff against the
 * previous release (an empty diff when nothing changed; against nothing for
 * the first) and the changelog up to itself. The version bump must be at
 * least what the diff calls for.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Tables } from '../diff/compare.js';
import { diffSides } from '../diff/index.js';
import { loadRelease, NOTHING, type Side } from '../diff/load.js';
import { renderDiff } from '../diff/render.js';
import { EXIT, PipelineError } from '../errors.js';
import type { Dataset } from '../model/tables.js';
import type { ReleaseMeta, Rendered } from '../publish/types.js';
import { compareVersions, isVersion } from '../publish/version.js';
import { changelog, changelogEntry } from './changelog.js';
import { projectRoot } from '../lib/project.js';
import { withCacheLock } from './cache-lock.js';
import { rebuildAtCommit } from './rebuild.js';
import { commitOf, compareWithRecord, type ReleaseRecord, readRecord, recordedVersions, recordPath } from './records.js';

const LEVELS = ['none', 'patch', 'minor', 'major'] as const;
type Level = (typeof LEVELS)[number];

/** The latest release in dist older than version, if any. */
export function previousVersion(dist: string, version: string): string | null {
  if (!existsSync(dist)) return null;
  const older = readdirSync(dist).filter((d) => isVersion(d) && compareVersions(d, version) < 0);
  return older.sort(compareVersions).at(-1) ?? null;
}

/** What kind of release going from one version to the next is. */
export function bumpBetween(from: string, to: string): Level {
  const [a, b] = [from.split('.').map(Number), to.split('.').map(Number)];
  if (b[0] !== a[0]) return 'major';
  if (b[1] !== a[1]) return 'minor';
  return b[2] !== a[2] ? 'patch' : 'none';
}

/** Refuse a version whose bump is smaller than the diff calls for. */
export function checkBump(from: string, to: string, needed: Level, why: string): void {
  const actual = bumpBetween(from, to);
  if (LEVELS.indexOf(actual) >= LEVELS.indexOf(needed)) return;
  throw new PipelineError(
    `version ${to} is a ${actual} release after ${from}, but the diff calls for a ${needed} one (${why}); ` +
      'set the version in package.json accordingly',
    EXIT.publish,
    { file: 'package.json' },
  );
}

/**
 * The release before `version`: the latest in dist, or, where dist lacks a
 * later recorded one (a fresh clone), that one rebuilt at its commit first.
 */
export function ensurePrevious(dist: string, version: string): string | null {
  const inDist = previousVersion(dist, version);
  const recorded = recordedVersions()
    .filter((v) => compareVersions(v, version) < 0)
    .at(-1);
  if (!recorded || (inDist && compareVersions(inDist, recorded) >= 0)) return inDist;
  const file = recordPath(recorded);
  const commit = commitOf(file);
  if (!commit)
    throw new PipelineError(
      `release ${recorded} is recorded but not committed, so it cannot be rebuilt; commit it or build it into ${dist} first`,
      EXIT.publish,
      { file },
    );
  // copied beside dist's releases, then renamed into place: a build killed while copying leaves no half release
  const tmp = join(dist, `.tmp-${recorded}-${process.pid}`);
  mkdirSync(dist, { recursive: true });
  cpSync(rebuiltRelease(commit, readRecord(file)), tmp, { recursive: true });
  try {
    renameSync(tmp, join(dist, recorded));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dist, recorded))) throw e; // else a concurrent build put the same release there first
  }
  return recorded;
}

/**
 * A recorded release rebuilt at its commit, kept in build/releases/<version>/
 * once it matches its record byte for byte: the rebuild (a worktree, a compile,
 * a build) is paid once per checkout, not once per build into a fresh dist.
 */
function rebuiltRelease(commit: string, record: ReleaseRecord): string {
  const cache = join(projectRoot(), 'build', 'releases');
  const dir = join(cache, record.version);
  const cached = () => existsSync(dir) && compareWithRecord(record, dir).length === 0;
  if (cached()) return dir;
  mkdirSync(cache, { recursive: true });
  return withCacheLock(join(cache, `.lock-${record.version}`), () => (cached() ? dir : rebuildInto(dir, commit, record, cache)));
}

function rebuildInto(dir: string, commit: string, record: ReleaseRecord, cache: string): string {
  const scratch = mkdtempSync(join(cache, `.${record.version}-`));
  try {
    // the release it was diffed against goes first, as when it was built: its code then finds it in dist
    // instead of rebuilding it in turn (in a worktree with no mirror beside it)
    ensurePrevious(scratch, record.version);
    rebuildAtCommit(commit, record, scratch);
    const problems = compareWithRecord(record, join(scratch, record.version));
    if (problems.length)
      throw new PipelineError(`release ${record.version} rebuilt at its commit differs from its record (${problems[0]})`, EXIT.publish, {
        file: recordPath(record.version),
      });
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(scratch, record.version), dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

const WHY = {
  major: 'the schema broke',
  minor: 'records or fields were added or removed',
  patch: 'records were corrected',
  none: 'nothing changed',
};

/** The diff files and CHANGELOG.md of the release `meta.version` of `dataset`, to publish with it. */
export function historyFiles(dist: string, dataset: Dataset, meta: ReleaseMeta): Rendered {
  const version = meta.version!;
  const prev = ensurePrevious(dist, version);
  const from: Side = prev ? loadRelease(join(dist, prev), prev) : NOTHING;
  const to: Side = {
    meta: { label: version, kind: 'release', version, source: { id: meta.source.id, sha256: meta.source.sha256 } },
    tables: dataset as unknown as Tables,
  };
  const diff = diffSides(from, to);
  if (prev) checkBump(prev, version, diff.bump, WHY[diff.bump]);
  const previousLog = prev && existsSync(join(dist, prev, 'CHANGELOG.md')) ? readFileSync(join(dist, prev, 'CHANGELOG.md'), 'utf8') : null;
  const files: Rendered = renderDiff(diff);
  files.set('CHANGELOG.md', Buffer.from(changelog(changelogEntry(version, meta.source.published_on, diff), previousLog)));
  return files;
}
