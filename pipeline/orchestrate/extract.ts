/** Document model -> every table, validated: the extract and validate stages, shared by build, extract and diff. */
import { EXIT, PipelineError } from '../errors.js';
import type { Diagnostic } from '../extract/diagnostics.js';
import { extractTables } from '../extract/index.js';
import { withEndnotes } from '../extract/footnotes.js';
import { localisePositions } from '../extract/provenance.js';
import { type Identity, loadIdentity } from '../identity/ledger.js';
import type { DocumentModel } from '../model/document.js';
import type { Dataset } from '../model/tables.js';
import { validateRecords } from '../validate/gate.js';
import { type OnStage, stage } from './stage.js';

const countsSummary = (dataset: Dataset) =>
  Object.entries(dataset)
    .map(([table, rows]) => `${rows.length} ${table}`)
    .join(', ');

export interface Extraction {
  doc: DocumentModel;
  dataset: Dataset;
  diagnostics: Diagnostic[];
}

/** Errors among the diagnostics stop here. */
export function extractAll(printed: DocumentModel, sourceId: string, identity: Identity = loadIdentity(), onStage?: OnStage): Extraction {
  const diagnostics: Diagnostic[] = [];
  const doc = withEndnotes(printed); // the notes read wherever the document keeps them
  const dataset = stage(
    'extract',
    onStage,
    () => localisePositions(extractTables({ doc, sourceId, diagnostics, identity }), doc),
    (d) => countsSummary(d),
  );
  const error = diagnostics.find((d) => d.level === 'error');
  if (error) throw new PipelineError(error.message, EXIT.input, { file: doc.file, line: error.line, page: error.page });
  if (dataset.prisoners.length === 0) {
    throw new PipelineError(
      'no list of political prisoners found (expected numbered entries like "1 Given FAMILY – …" under the list chapter)',
      EXIT.input,
      { file: doc.file, line: 1 },
    );
  }
  stage(
    'validate',
    onStage,
    () => validateRecords(dataset, doc.file),
    () => `${countsSummary(dataset)}: every record matches its schema`,
  );
  return { doc, dataset, diagnostics };
}
