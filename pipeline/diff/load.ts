/** One side of a diff: a release directory (read back by publish/read-release.ts) or a source document (extracted in orchestrate/). */
import { EXIT, PipelineError } from '../errors.js';
import { manifestIn, readTableLines, tablesIn } from '../publish/read-release.js';
import type { Tables } from './compare.js';

export interface SideMeta {
  /** What the user named: a path, a version, or "nothing" for the first release. */
  label: string;
  kind: 'release' | 'source' | 'none';
  version: string | null;
  source: { id: string; sha256: string } | null;
}

export interface Side {
  meta: SideMeta;
  tables: Tables;
}

export const NOTHING: Side = { meta: { label: 'nothing', kind: 'none', version: null, source: null }, tables: {} };

/** A release directory: manifest.json says which tables it has (without one: the table files there). */
export function loadRelease(dir: string, label = dir): Side {
  const manifest = manifestIn(dir);
  const names = tablesIn(dir, manifest);
  if (!names.length) throw new PipelineError('not a release directory: no manifest.json and no table files', EXIT.input, { file: dir });
  const tables: Tables = {};
  for (const table of names) tables[table] = readTableLines(dir, table);
  const source = manifest?.source ? { id: manifest.source.id, sha256: manifest.source.sha256 } : null;
  return { meta: { label, kind: 'release', version: manifest?.version ?? null, source }, tables };
}
