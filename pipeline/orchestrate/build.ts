/**
 * The stages wired together: fetch -> parse -> extract -> validate -> publish,
 * for a declared source (build) or any file (extractFile). Each stage is a
 * plain function; this module only passes values along.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { fetchSourceFile, pickFile } from '../fetch/fetch.js';
import { historyFiles } from '../history/index.js';
import type { Identity } from '../identity/ledger.js';
import { sha256 } from '../lib/hash.js';
import { sourceIdOfFile } from '../lib/ids.js';
import { PIPELINE } from '../lib/package.js';
import { checkFileSize } from '../limits.js';
import { readDocument } from '../parse/document.js';
import { type Format, formatOf } from '../parse/formats.js';
import { checkOutputDir, type OutputMode } from '../publish/output.js';
import { writeOutput } from '../publish/atomic-write.js';
import { publishRelease, type PublishOutcome } from '../publish/publish.js';
import { renderDataset } from '../publish/render.js';
import { sealRelease } from '../publish/seal.js';
import type { ReleaseMeta } from '../publish/types.js';
import { checkVersion } from '../publish/version.js';
import { qaFiles } from '../qa/report.js';
import { loadManifest } from '../sources/manifest.js';
import { checkAssertions } from '../validate/gate.js';
import { type Extraction, extractAll } from './extract.js';
import { kB, type OnStage, stage } from './stage.js';

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
  const fetched = await stage(
    'fetch',
    onStage,
    () => fetchSourceFile(manifest, pickFile(manifest, opts.format), opts.mirror),
    (f) => `${f.origin} (${kB(f.bytes.length)}, sha256 ok)`,
  );
  const doc = await stage(
    'parse',
    onStage,
    () => readDocument(fetched.bytes, fetched.origin, fetched.file.format),
    (d) => `${d.blocks.length} blocks`,
  );
  const extraction = extractAll(doc, manifest.id, opts.identity, onStage);
  stage(
    'validate',
    onStage,
    () => checkAssertions(extraction.dataset, extraction.dataset.footnotes.length, manifest, doc.file),
    () => `counts as ${manifest.id} declares`,
  );
  const meta: ReleaseMeta = {
    version: PIPELINE.version,
    source: {
      id: manifest.id,
      file: fetched.file.name,
      format: fetched.file.format,
      sha256: fetched.file.sha256,
      published_on: manifest.published_on,
      title: manifest.title,
      url: manifest.url,
      publisher: manifest.publisher,
      coalition: manifest.coalition,
    },
    pipeline: { name: PIPELINE.name, version: PIPELINE.version, license: PIPELINE.license },
  };
  const dist = opts.dist ?? 'dist';
  const extra = () => new Map([...qaFiles(extraction.doc, extraction.dataset), ...historyFiles(dist, extraction.dataset, meta)]);
  const publish = async () => publishRelease(dist, PIPELINE.version, await renderDataset(extraction.dataset, meta, extra()));
  const outcome = await stage('publish', onStage, publish, (o) => `${o} ${dist}/${PIPELINE.version}`);
  return { ...extraction, version: PIPELINE.version, outcome, dir: `${dist}/${PIPELINE.version}` };
}

/** Extract any document in the report's format into OUT, without versioning. */
export async function extractFile(
  input: string,
  out: string,
  sourceId?: string,
  onStage?: OnStage,
  mode: OutputMode = 'replace',
): Promise<Extraction> {
  checkOutputDir(out, '--out');
  const bytes = stage(
    'fetch',
    onStage,
    () => readInput(input),
    (b) => `${input} (${kB(b.length)})`,
  );
  const doc = await stage(
    'parse',
    onStage,
    () => readDocument(bytes, input, formatOf(input, bytes)),
    (d) => `${d.blocks.length} blocks`,
  );
  const id = sourceId ?? sourceIdOfFile(input);
  const extraction = extractAll(doc, id, undefined, onStage);
  const meta: ReleaseMeta = {
    version: null,
    source: { id, file: basename(input), format: formatOf(input, bytes), sha256: sha256(bytes), published_on: null },
    pipeline: { name: PIPELINE.name, version: PIPELINE.version, license: PIPELINE.license },
  };
  const rendered = async () => sealRelease(await renderDataset(extraction.dataset, meta, qaFiles(extraction.doc, extraction.dataset)));
  const write = async () => writeOutput(out, await rendered(), mode);
  await stage('publish', onStage, write, () => `wrote ${out}`);
  return extraction;
}

/** The input's bytes; its size is checked before it is read, so a huge file costs no memory. */
function readInput(input: string): Buffer {
  try {
    checkFileSize(statSync(input).size, input);
    return readFileSync(input);
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw new PipelineError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, EXIT.input, {
      file: input,
    });
  }
}
