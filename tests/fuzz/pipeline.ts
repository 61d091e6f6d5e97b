/**
 * The pipeline in-process, as `kzpp extract` runs it but without writing:
 * read -> extract -> validate -> render the release files. A PipelineError is
 * a clean refusal; anything else thrown is a bug. The website is left out: its
 * Markdown pages cost up to a second a case on a busy machine; tests/site.test.ts feeds it hostile text.
 */
import { PipelineError } from '../../pipeline/errors.js';
import { loadIdentity } from '../../pipeline/identity/ledger.js';
import { readDocument } from '../../pipeline/parse/document.js';
import { formatOf } from '../../pipeline/parse/formats.js';
import { renderDataset } from '../../pipeline/publish/render.js';
import { sealRelease } from '../../pipeline/publish/seal.js';
import { qaFiles } from '../../pipeline/qa/report.js';
import { extractAll } from '../../pipeline/orchestrate/extract.js';

export type Outcome = { ok: true; prisoners: number; files: number } | { ok: false; error: PipelineError };

export async function runPipeline(bytes: Buffer, file: string): Promise<Outcome> {
  try {
    const doc = await readDocument(bytes, file);
    const { dataset } = extractAll(doc, 'fuzz', loadIdentity());
    const meta = {
      version: null,
      source: { id: 'fuzz', file, format: formatOf(file, bytes), sha256: '0'.repeat(64), published_on: null },
      pipeline: { name: 'kzpp', version: '0.0.0' },
    };
    const files = sealRelease(await renderDataset(dataset, meta, qaFiles(doc, dataset), { site: false }));
    return { ok: true, prisoners: dataset.prisoners.length, files: files.size };
  } catch (e) {
    if (e instanceof PipelineError) return { ok: false, error: e };
    throw e;
  }
}
