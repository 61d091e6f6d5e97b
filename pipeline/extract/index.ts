/**
 * All extractors, in dependency order: each reads the document model and the
 * tables extracted before it, and returns the rows of its own table.
 */
import type { DocumentModel } from '../model/document.js';
import type { Dataset, RecordOf, TableName } from '../model/tables.js';
import type { Identity } from '../identity/ledger.js';
import type { Diagnostic } from './diagnostics.js';
import { extractPrisoners } from './prisoners.js';
import { extractSections, sectionLocator } from './sections.js';
import { extractFootnotes } from './footnotes.js';
import { extractCharges } from './charges.js';
import { extractArticles, politicalArticles } from './articles.js';
import { extractOrganisations } from './organisations.js';
import { extractMentions } from './mentions.js';
import { extractClaims } from './claims.js';

export interface ExtractContext {
  doc: DocumentModel;
  sourceId: string;
  /** Findings with their place; an 'error' stops the build. */
  diagnostics: Diagnostic[];
  /** Published ids and manual identity decisions; new people are added to its ledger. */
  identity?: Identity;
}

type Extractor<T extends TableName> = (ctx: ExtractContext, done: Partial<Dataset>) => RecordOf<T>[];

/** Events are read with the prisoners (their verdict and custody dates come from them), published as their own table. */
const eventsRead = new WeakMap<ExtractContext, RecordOf<'events'>[]>();

export const EXTRACTORS: { [T in TableName]: Extractor<T> } = {
  prisoners: (ctx) => {
    const { prisoners, events, diagnostics } = extractPrisoners(ctx.doc, ctx.sourceId, ctx.identity);
    ctx.diagnostics.push(...diagnostics);
    eventsRead.set(ctx, events);
    return prisoners;
  },
  sections: (ctx) => extractSections(ctx.doc),
  footnotes: (ctx, done) => extractFootnotes(ctx.doc, sectionLocator(done.sections!), done.prisoners!),
  charges: (_ctx, done) => extractCharges(done.prisoners!),
  articles: (ctx, done) => extractArticles(done.charges!, politicalArticles(ctx.doc)),
  organisations: (ctx) => extractOrganisations(ctx.doc),
  claims: (ctx, done) => extractClaims(ctx.doc, done.prisoners!, sectionLocator(done.sections!)),
  mentions: (ctx, done) => extractMentions(ctx.doc, done.prisoners!, sectionLocator(done.sections!)),
  events: (ctx, done) => {
    const sectionAt = sectionLocator(done.sections!);
    return eventsRead.get(ctx)!.map((e) => ({ ...e, section_id: sectionAt(e.source.line_start) }));
  },
};

export function extractTables(ctx: ExtractContext): Dataset {
  const done: Partial<Dataset> = {};
  for (const table of Object.keys(EXTRACTORS) as TableName[]) {
    (done as Record<string, unknown>)[table] = EXTRACTORS[table](ctx, done);
  }
  return done as Dataset;
}
