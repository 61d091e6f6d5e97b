/**
 * All extractors, in dependency order: each reads the document model and the
 * tables extracted before it, and returns the rows of its own table.
 */
import type { DocumentModel } from '../model/document.js';
import type { Dataset, RecordOf, TableName } from '../model/tables.js';
import type { Diagnostic } from './diagnostics.js';
import { extractPrisoners } from './prisoners.js';

export interface ExtractContext {
  doc: DocumentModel;
  sourceId: string;
  /** Findings with their place; an 'error' stops the build. */
  diagnostics: Diagnostic[];
}

type Extractor<T extends TableName> = (ctx: ExtractContext, done: Partial<Dataset>) => RecordOf<T>[];

export const EXTRACTORS: { [T in TableName]: Extractor<T> } = {
  prisoners: (ctx) => {
    const { prisoners, diagnostics } = extractPrisoners(ctx.doc, ctx.sourceId);
    ctx.diagnostics.push(...diagnostics);
    return prisoners;
  },
};

export function extractTables(ctx: ExtractContext): Dataset {
  const done: Partial<Dataset> = {};
  for (const table of Object.keys(EXTRACTORS) as TableName[]) {
    (done as Record<string, unknown>)[table] = EXTRACTORS[table](ctx, done);
  }
  return done as Dataset;
}
