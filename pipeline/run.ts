/**
 * The stages, wired: fetch -> parse -> extract -> validate -> publish.
 * Each stage is a plain function; this file only passes values along.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, PipelineError } from './errors.js';
import { checkFileSize } from './limits.js';
import type { Diagnostic } from './extract/diagnostics.js';
import { extractTables } from './extract/index.js';
import { withEndnotes } from './extract/footnotes.js';
import { localisePositions } from './extract/provenance.js';
import { projectRoot } from './lib/project.js';
import { type Identity, loadIdentity } from './identity/ledger.js';
import { fetchSourceFile, pickFile } from './fetch/fetch.js';
import { sha256 } from './lib/hash.js';
import type { DocumentModel } from './model/document.js';
import { type Format, formatOf, readDocument } from './parse/document.js';
import { checkOutputDir, checkVersion, publishRelease, renderDataset, sealRelease, writeOutput, type PublishOutcome, type ReleaseMeta } from './publish/release.js';
import { historyFiles } from './history/index.js';
import { loadManifest } from './sources/manifest.js';
import { qaFiles } from './qa/report.js';
import type { Dataset } from './model/tables.js';
import { checkAssertions, validateRecords } from './validate/gate.js';

/** This project's package.json: its name and version name the pipeline and the release. */
function readPackageJson(): { name: string; version: string; license?: string } {
  return JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8'));
}
export const PIPELINE = readPackageJson();

/** The stages, in order; a progress callback hears of each one as it ends. */
export type Stage = 'fetch' | 'parse' | 'extract' | 'validate' | 'publish';
export interface StageEvent {
  stage: Stage;
  /** What the stage produced, for a person: "48 prisoners", "report.md (123 kB)". */
  summary: string;
  ms: number;
}
/** Optional observer: it never changes what a stage returns. */
export type OnStage = (event: StageEvent) => void;

/** Run one stage, telling onStage how long it took and what it produced. */
function stage<T>(name: Stage, onStage: OnStage | undefined, run: () => T, summary: (result: Awaited<T>) => string): T {
  const started = performance.now();
  const result = run();
  if (!onStage) return result;
  const report = (value: Awaited<T>) => onStage({ stage: name, summary: summary(value), ms: performance.now() - started });
  if (result instanceof Promise) return result.then((value: Awaited<T>) => (report(value), value)) as T;
  report(result as Awaited<T>);
  return result;
}

const countsSummary = (dataset: Dataset) => Object.entries(dataset).map(([table, rows]) => `${rows.length} ${table}`).join(', ');
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

export interface Extraction {
  doc: DocumentModel;
  dataset: Dataset;
  diagnostics: Diagnostic[];
}

/** Document model -> every table, validated. Errors among the diagnostics stop here. */
export function extractAll(printed: DocumentModel, sourceId: string, identity: Identity = loadIdentity(), onStage?: OnStage): Extraction {
  const diagnostics: Diagnostic[] = [];
  const doc = withEndnotes(printed); // the notes read wherever the document keeps them
  const dataset = stage('extract', onStage, () => localisePositions(extractTables({ doc, sourceId, diagnostics, identity }), doc), (d) => countsSummary(d));
  const error = diagnostics.find((d) => d.level === 'error');
  if (error) throw new PipelineError(error.message, EXIT.input, { file: doc.file, line: error.line, page: error.page });
  if (dataset.prisoners.length === 0) {
    throw new PipelineError('no list of political prisoners found (expected numbered entries like "1 Given FAMILY – …" under the list chapter)', EXIT.input, { file: doc.file, line: 1 });
  }
  stage('validate', onStage, () => validateRecords(dataset, doc.file), () => `${countsSummary(dataset)}: every record matches its schema`);
  return { doc, dataset, diagnostics };
}

export const footnoteCount = (doc: DocumentModel) => new Set(doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [b.number] : []))).size;

export interface BuildOptions {
  sourceId: string;
  format?: Format;
  mirror?: string;
  dist?: string;
  onStage?: OnStage;
  /** Ids and decisions (default: the committed ledger); people seen for the first time are added to it. */
  identity?: Identity;
}

export interface BuildResult extends Extraction {
  version: string;
  outcome: PublishOutcome;
  dir: string;
}

/** Build the versioned release of a declared source. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  checkVersion(PIPELINE.version);
  checkOutputDir(opts.dist ?? 'dist', '--dist');
  const manifest = loadManifest(opts.sourceId);
  const { onStage } = opts;
  const fetched = await stage('fetch', onStage, () => fetchSourceFile(manifest, pickFile(manifest, opts.format), opts.mirror), (f) => `${f.origin} (${kB(f.bytes.length)}, sha256 ok)`);
  const doc = await stage('parse', onStage, () => readDocument(fetched.bytes, fetched.origin, fetched.file.format), (d) => `${d.blocks.length} blocks`);
  const extraction = extractAll(doc, manifest.id, opts.identity, onStage);
  stage('validate', onStage, () => checkAssertions(extraction.dataset, extraction.dataset.footnotes.length, manifest, doc.file), () => `counts as ${manifest.id} declares`);
  const meta: ReleaseMeta = {
    version: PIPELINE.version,
    source: {
      id: manifest.id, file: fetched.file.name, format: fetched.file.format, sha256: fetched.file.sha256, published_on: manifest.published_on,
      title: manifest.title, url: manifest.url, publisher: manifest.publisher, coalition: manifest.coalition,
    },
    pipeline: { name: PIPELINE.name, version: PIPELINE.version, license: PIPELINE.license },
  };
  const dist = opts.dist ?? 'dist';
  const outcome = stage('publish', onStage, () => publishRelease(dist, PIPELINE.version, renderDataset(extraction.dataset, meta, new Map([...qaFiles(extraction.doc, extraction.dataset), ...historyFiles(dist, extraction.dataset, meta)]))), (o) => `${o} ${dist}/${PIPELINE.version}`);
  return { ...extraction, version: PIPELINE.version, outcome, dir: `${dist}/${PIPELINE.version}` };
}

/** Extract any document in the report's format into OUT, without versioning. */
export async function extractFile(input: string, out: string, sourceId?: string, onStage?: OnStage): Promise<Extraction> {
  checkOutputDir(out, '--out');
  const bytes = stage('fetch', onStage, () => readInput(input), (b) => `${input} (${kB(b.length)})`);
  const doc = await stage('parse', onStage, () => readDocument(bytes, input, formatOf(input, bytes)), (d) => `${d.blocks.length} blocks`);
  const id = sourceId ?? basename(input).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const extraction = extractAll(doc, id, undefined, onStage);
  const meta: ReleaseMeta = {
    version: null,
    source: { id, file: basename(input), format: formatOf(input, bytes), sha256: sha256(bytes), published_on: null },
    pipeline: { name: PIPELINE.name, version: PIPELINE.version, license: PIPELINE.license },
  };
  stage('publish', onStage, () => writeOutput(out, sealRelease(renderDataset(extraction.dataset, meta, qaFiles(extraction.doc, extraction.dataset)))), () => `wrote ${out}`);
  return extraction;
}

/** The input's bytes; its size is checked before it is read, so a huge file costs no memory. */
function readInput(input: string): Buffer {
  try {
    checkFileSize(statSync(input).size, input);
    return readFileSync(input);
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw new PipelineError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, EXIT.input, { file: input });
  }
}
