/**
 * The two sides of a diff, from what the user named: a release directory is
 * read back; a source document is extracted on the fly (orchestration, so the
 * diff stage itself only compares and renders).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diffSides } from '../diff/index.js';
import { loadRelease, type Side } from '../diff/load.js';
import { readJsonFile } from '../publish/read-release.js';
import type { DatasetDiff } from '../diff/render.js';
import { EXIT, PipelineError } from '../errors.js';
import { type Identity, loadIdentity } from '../identity/ledger.js';
import { sha256 } from '../lib/hash.js';
import { sourceIdOfFile } from '../lib/ids.js';
import { readDocument } from '../parse/document.js';
import { formatOf } from '../parse/formats.js';
import { SOURCES_DIR } from '../sources/manifest.js';
import type { Tables } from '../diff/compare.js';
import { extractAll } from './extract.js';

/** The id of the declared source (sources/<id>/source.json) that has a file with these bytes, so its records match a release's. */
function declaredSourceId(hash: string): string | undefined {
  if (!existsSync(SOURCES_DIR)) return undefined;
  for (const id of readdirSync(SOURCES_DIR).sort()) {
    const file = join(SOURCES_DIR, id, 'source.json');
    if (!existsSync(file)) continue;
    const manifest = readJsonFile(file) as { files?: Array<{ sha256?: string }> };
    if (manifest.files?.some((f) => f.sha256 === hash)) return id;
  }
  return undefined;
}

/** A document in the report's format, extracted in-process with the given identity (so ids match across editions). */
export async function loadSource(file: string, identity: Identity, label = file): Promise<Side> {
  const bytes = readFileSync(file);
  const doc = await readDocument(bytes, file, formatOf(file, bytes));
  const hash = sha256(bytes);
  const id = declaredSourceId(hash) ?? sourceIdOfFile(file);
  const { dataset } = extractAll(doc, id, identity);
  return { meta: { label, kind: 'source', version: null, source: { id, sha256: hash } }, tables: dataset as unknown as Tables };
}

/** A release directory or a source file, by what is at the path. */
export async function loadSide(path: string, identity: Identity): Promise<Side> {
  let dir: boolean;
  try {
    dir = statSync(path).isDirectory();
  } catch (e) {
    throw new PipelineError(`cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, EXIT.input, { file: path });
  }
  return dir ? loadRelease(path) : loadSource(path, identity);
}

/**
 * FROM is read first: people it names for the first time get their ids, and
 * TO is read with those, so a person respelled between two editions keeps one id.
 */
export async function diffPaths(fromPath: string, toPath: string): Promise<DatasetDiff> {
  const identity = loadIdentity();
  const from = await loadSide(fromPath, identity);
  const to = await loadSide(toPath, identity);
  return diffSides(from, to);
}
