/**
 * The stages, wired: fetch -> parse -> extract -> validate -> publish.
 * Each stage is a plain function; this file only passes values along.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, PipelineError } from './errors.js';
import type { Diagnostic } from './extract/diagnostics.js';
import { extractTables } from './extract/index.js';
import { fetchSourceFile, pickFile, sha256 } from './fetch/fetch.js';
import type { DocumentModel } from './model/document.js';
import { type Format, formatOf, readDocument } from './parse/document.js';
import { publishRelease, renderDataset, writeOutput, type PublishOutcome, type ReleaseMeta } from './publish/release.js';
import { loadManifest } from './sources/manifest.js';
import { qaFiles } from './qa/report.js';
import type { Dataset } from './model/tables.js';
import { checkAssertions, validateRecords } from './validate/gate.js';

/** package.json of this project, found upwards from this file (works from pipeline/ and from build/). */
function readPackageJson(): { name: string; version: string; license?: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}
export const PIPELINE = readPackageJson();

export interface Extraction {
  doc: DocumentModel;
  dataset: Dataset;
  diagnostics: Diagnostic[];
}

/** Document model -> every table, validated. Errors among the diagnostics stop here. */
export function extractAll(doc: DocumentModel, sourceId: string): Extraction {
  const diagnostics: Diagnostic[] = [];
  const dataset = extractTables({ doc, sourceId, diagnostics });
  const error = diagnostics.find((d) => d.level === 'error');
  if (error) throw new PipelineError(error.message, EXIT.input, { file: doc.file, line: error.line, page: error.page });
  if (dataset.prisoners.length === 0) {
    throw new PipelineError('no list of political prisoners found (expected numbered entries like "1 Given FAMILY – …" under the list chapter)', EXIT.input, { file: doc.file, line: 1 });
  }
  validateRecords(dataset, doc.file);
  return { doc, dataset, diagnostics };
}

export const footnoteCount = (doc: DocumentModel) => new Set(doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [b.number] : []))).size;

export interface BuildOptions {
  sourceId: string;
  format?: Format;
  mirror?: string;
  dist?: string;
}

export interface BuildResult extends Extraction {
  version: string;
  outcome: PublishOutcome;
  dir: string;
}

/** Build the versioned release of a declared source. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const manifest = loadManifest(opts.sourceId);
  const fetched = await fetchSourceFile(manifest, pickFile(manifest, opts.format), opts.mirror);
  const doc = await readDocument(fetched.bytes, fetched.origin, fetched.file.format);
  const extraction = extractAll(doc, manifest.id);
  checkAssertions(extraction.dataset, extraction.dataset.footnotes.length, manifest); // the footnotes table, not the raw blocks
  const meta: ReleaseMeta = {
    version: PIPELINE.version,
    source: {
      id: manifest.id, file: fetched.file.name, format: fetched.file.format, sha256: fetched.file.sha256, published_on: manifest.published_on,
      title: manifest.title, url: manifest.url, publisher: manifest.publisher, coalition: manifest.coalition,
    },
    pipeline: { name: PIPELINE.name, version: PIPELINE.version, license: PIPELINE.license },
  };
  const dist = opts.dist ?? 'dist';
  const outcome = publishRelease(dist, PIPELINE.version, renderDataset(extraction.dataset, meta, qaFiles(extraction.doc, extraction.dataset)));
  return { ...extraction, version: PIPELINE.version, outcome, dir: `${dist}/${PIPELINE.version}` };
}

/** Extract any document in the report's format into OUT, without versioning. */
export async function extractFile(input: string, out: string, sourceId?: string): Promise<Extraction> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(input);
  } catch (e) {
    throw new PipelineError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, EXIT.input, { file: input });
  }
  const doc = await readDocument(bytes, input, formatOf(input, bytes));
  const id = sourceId ?? basename(input).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const extraction = extractAll(doc, id);
  const meta: ReleaseMeta = {
    version: null,
    source: { id, file: basename(input), format: formatOf(input, bytes), sha256: sha256(bytes), published_on: null },
    pipeline: { name: PIPELINE.name, version: PIPELINE.version, license: PIPELINE.license },
  };
  writeOutput(out, renderDataset(extraction.dataset, meta, qaFiles(extraction.doc, extraction.dataset)));
  return extraction;
}
