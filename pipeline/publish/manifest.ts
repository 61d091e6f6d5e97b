/**
 * manifest.json: what a release is (version, source, pipeline), how many rows each table has, and every
 * other file's size and hash. One type for everything that writes or reads it.
 */
import { sha256 } from '../lib/hash.js';
import type { ReleaseMeta, Rendered } from './types.js';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  /** null for an ad-hoc output (kzpp extract), which is not a release. */
  version: string | null;
  /** The source's date: no wall-clock time in a release. */
  created: string | null;
  source: ReleaseMeta['source'];
  pipeline: ReleaseMeta['pipeline'];
  /** Rows of each extracted table. */
  counts: Record<string, number>;
  /** Rows of each derived summary. */
  summaries: Record<string, number>;
  files: ManifestFile[];
}

/** The manifest of a release's files so far (it lists every file rendered before it). */
export function buildManifest(meta: ReleaseMeta, counts: Manifest['counts'], summaries: Manifest['summaries'], files: Rendered): Manifest {
  return {
    version: meta.version,
    created: meta.source.published_on,
    source: meta.source,
    pipeline: meta.pipeline,
    counts,
    summaries,
    files: [...files].map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) })),
  };
}

export const manifestBytes = (manifest: Manifest) => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
