/**
 * Publishing dist/<version>/: sealed, written to a temporary directory under the lock, then renamed into
 * place in one step. A published version is immutable.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { writeIndex } from './dist-index.js';
import { listFiles } from '../lib/files.js';
import { pauseForCrashTests, writeFiles } from './atomic-write.js';
import { removeStaleTemporaries, withLock } from './lock.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import { checkOutputDir } from './output.js';
import { sealRelease } from './seal.js';
import type { Rendered } from './types.js';
import { checkVersion } from './version.js';

export type PublishOutcome = 'published' | 'unchanged';

/** Files that differ between a published directory and what we would publish. */
function differences(dir: string, files: Rendered): string[] {
  const present = new Set(listFiles(dir));
  const changed = [...files].filter(([name, bytes]) => !present.has(name) || !readFileSync(join(dir, name)).equals(bytes)).map(([n]) => n);
  const extra = [...present].filter((n) => !files.has(n));
  return [...changed, ...extra];
}

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
            `version ${version} is already published with different content (${diff.join(', ')}); ` +
              'published versions are immutable: bump the version',
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

const sourceOfManifest = (bytes: Buffer | undefined) => {
  try {
    return (JSON.parse(bytes?.toString('utf8') ?? '') as Partial<Manifest>).source;
  } catch {
    return undefined;
  }
};

/**
 * The refusal when the published release was built from the source's other file (make, then make FORMAT=pdf):
 * the data is the same, only where rows were read differs, so say so and where a build of this format can go.
 */
function otherFormat(target: string, files: Rendered): string | undefined {
  const manifestFile = join(target, MANIFEST_FILE);
  const published = existsSync(manifestFile) ? sourceOfManifest(readFileSync(manifestFile)) : undefined;
  const wanted = sourceOfManifest(files.get(MANIFEST_FILE));
  if (!published?.format || !wanted?.format || published.format === wanted.format) return undefined;
  const elsewhere = `kzpp build --format ${wanted.format} --dist DIR, or make FORMAT=${wanted.format} DIST=DIR`;
  return (
    `release ${basename(target)} already exists, built from the ${published.format} file (${published.file}); ` +
    `a release is built once: to build it from the ${wanted.format} file, publish elsewhere (${elsewhere})`
  );
}
