/**
 * Where a command may write, decided before it reads anything: never into a
 * published release (exit 6); never over a folder it did not write itself
 * (exit 2) unless --force. An earlier output of the same command is replaced
 * whole, so no file of an older run survives beside the new ones.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { listFiles } from '../lib/files.js';
import type { Manifest } from './manifest.js';

const SEMVER = /^\d+\.\d+\.\d+$/;

/** A published release: a dist/<version>/ directory holding a release manifest. */
export const isPublishedRelease = (dir: string) => SEMVER.test(basename(dir)) && existsSync(join(dir, 'manifest.json'));

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The published release a path is or is inside, if any. */
function releaseAround(path: string): string | null {
  for (let at = resolve(path); ; at = dirname(at)) {
    if (isPublishedRelease(at)) return at;
    if (dirname(at) === at) return null;
  }
}

/** A published release directly in a directory (a dist/), if any. */
function releaseInside(path: string): string | null {
  if (!isDir(path)) return null;
  return (
    readdirSync(path)
      .map((name) => resolve(path, name))
      .find((child) => isDir(child) && isPublishedRelease(child)) ?? null
  );
}

/** Refuse a path that is or is inside (or, with `orHolds`, holds) a published release: exit 6, one line naming it. */
export function refusePublished(path: string, option: string, orHolds = true): void {
  const around = releaseAround(path);
  const release = around ?? (orHolds ? releaseInside(path) : null);
  if (!release) return;
  const where = resolve(path) === release ? 'is' : around ? 'is inside' : 'holds';
  const why = 'published releases are never written to; choose another directory';
  const what = `${option} ${where} the published release ${basename(release)} (${release})`;
  throw new PipelineError(`${what}: ${why}`, EXIT.publish, { file: path });
}

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** An earlier `kzpp extract` output: an unversioned manifest listing every file there (besides the seal it adds). */
export function isExtractOutput(dir: string): boolean {
  const manifest = readJson(join(dir, 'manifest.json')) as Partial<Manifest> | undefined;
  if (!manifest || manifest.version !== null || !Array.isArray(manifest.files)) return false;
  const listed = new Set(['manifest.json', 'datapackage.json', 'SHA256SUMS', ...manifest.files.map((f) => f.path)]);
  return listFiles(dir).every((f) => listed.has(f));
}

/** An earlier `kzpp diff` output: the diff files and nothing else. */
export const diffOutputOf = (names: readonly string[]) => (dir: string) => {
  const files = listFiles(dir);
  return files.includes('diff.json') && files.every((f) => names.includes(f));
};

/** How an output directory is to be written. */
export type OutputMode = 'replace' | 'merge';

/**
 * Check an output directory before any input is read. New, empty or an earlier output of this command:
 * replaced whole. Any other non-empty folder: refused (exit 2) unless `force`, then written into, nothing removed.
 */
export interface OutputClaim {
  option: string;
  force: boolean;
  command: string;
  isEarlierOutput: (dir: string) => boolean;
}

export function claimOutput(dir: string, opts: OutputClaim): OutputMode {
  refusePublished(dir, opts.option, opts.option === '--out');
  checkOutputDir(dir, opts.option);
  if (!isDir(dir) || readdirSync(dir).length === 0 || opts.isEarlierOutput(dir)) return 'replace';
  if (opts.force) return 'merge';
  throw new PipelineError(
    `${opts.option} names a non-empty directory that is not an earlier output of kzpp ${opts.command}: ` +
      'choose a new or empty one, or add --force to write into it',
    EXIT.usage,
    { file: dir },
  );
}

/** A folder of releases (dist/): never a published release or inside one; not another non-empty folder unless forced. */
export function claimDist(dist: string, force: boolean): void {
  refusePublished(dist, '--dist', false);
  const holdsReleases = (dir: string) =>
    readdirSync(dir).some((name) => name === 'index.json' || SEMVER.test(name) || name.startsWith('.'));
  claimOutput(dist, { option: '--dist', force, command: 'build', isEarlierOutput: holdsReleases });
}

/** An output directory (OUT, dist) must be one or not exist yet: said before any work is done, not as a crash at the end. */
export function checkOutputDir(dir: string, option: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new PipelineError(`${option} must name a directory (or one to create), but this is a file`, EXIT.usage, { file: dir });
  }
}
