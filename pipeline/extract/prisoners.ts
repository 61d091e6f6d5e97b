/**
 * The report's list of political prisoners. It reads like the document:
 *
 *   THE LIST OF POLITICAL PRISONERS            (chapter)
 *   CONVICTED | UNDER ARREST … PRE-TRIAL …     (which list)
 *   <group heading>                            (group)
 *   <group introduction paragraphs>            (dates for the whole group)
 *   12 Given FAMILY – <sentence and charges>. <more text>
 *   <continuation paragraphs>
 */
import { checkEntryCount } from '../limits.js';
import { findArticles, compareArticles } from '../lib/articles.js';
import { ENTRY, ENTRY_WITHOUT_NAME } from '../lib/entry.js';
import { numberingBreaks } from '../lib/numbering.js';
import { splitName } from '../lib/names.js';
import { assignIds, emptyIdentity, type Identity } from '../identity/ledger.js';
import { findTerms } from '../lib/terms.js';
import { splitSentences } from '../lib/text.js';
import type { BodyBlock, DocumentModel } from '../model/document.js';
import { isBody } from '../model/document.js';
import type { Prisoner } from '../model/records/prisoners.js';
import type { Diagnostic } from './diagnostics.js';
import { footnotesByNumber, urlsOf } from './footnotes.js';
import { aliasesByPrisoner, findNameMentions } from './mentions.js';
import type { Event } from '../model/records/events.js';
import { draftEvents } from './events/build.js';
import { orderEvents, reportDate } from './events/index.js';
import { caseDates, caseFigures } from './events/timeline.js';
import { groupBy } from '../lib/group.js';

const LIST_CHAPTER = /\blist of political prisoners\b/i;
const PRE_TRIAL = /\bpre-?trial\b|\bunder arrest\b|\bin detention\b|\bawaiting trial\b/i;
const CONVICTED = /\bconvicted\b|\bsentenced\b/i;

type ListKind = Prisoner['list'];

interface Entry {
  list: ListKind;
  number: number;
  printedName: string;
  group: string | null;
  groupIntro: BodyBlock[];
  blocks: BodyBlock[];
}

export interface PrisonerExtraction {
  prisoners: Prisoner[];
  /** Every prisoner's events (section_id still null): convicted_on and custody_since are read from them. */
  events: Event[];
  diagnostics: Diagnostic[];
}

/** A record before its events are read: the fields derived from them come last. */
type FromEvents = keyof ReturnType<typeof caseDates> | keyof ReturnType<typeof caseFigures>;
type Tail = 'footnotes' | 'source_urls' | 'text' | 'source';
type Undated = Omit<Prisoner, FromEvents | Tail> & Pick<Prisoner, Tail>;

/** Walk the list chapter once, collecting entries with their continuation paragraphs. */
function collectEntries(doc: DocumentModel, diagnostics: Diagnostic[]): Entry[] {
  const entries: Entry[] = [];
  let inChapter = false;
  let list: ListKind | null = null;
  let group: string | null = null;
  let groupIntro: BodyBlock[] = [];
  let current: Entry | null = null;

  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      current = null;
      if (block.level <= 2) {
        if (LIST_CHAPTER.test(block.text)) inChapter = true;
        else if (inChapter && PRE_TRIAL.test(block.text)) list = 'pre_trial';
        else if (inChapter && CONVICTED.test(block.text)) list = 'convicted';
        else if (inChapter && list) inChapter = false; // a chapter after the lists ends them
        group = null;
      } else if (inChapter) group = block.text;
      groupIntro = [];
      continue;
    }
    if (!inChapter || !isBody(block)) continue;
    const match = ENTRY.exec(block.text);
    if (match && list) {
      current = { list, number: Number(match[1]), printedName: match[2]!, group, groupIntro, blocks: [block] };
      entries.push(current);
      checkEntryCount(entries.length, { file: doc.file, line: block.line_start, page: block.page });
    } else if (match || ENTRY_WITHOUT_NAME.test(block.text)) {
      const what = match ? 'before any CONVICTED or PRE-TRIAL heading' : 'has a number but no name';
      diagnostics.push({
        level: 'error',
        message: `list entry "${block.text.slice(0, 40)}…" ${what}`,
        line: block.line_start,
        page: block.page,
      });
    } else if (current) current.blocks.push(block);
    else if (list) groupIntro.push(block);
  }
  return entries;
}

function toRecord(entry: Entry, id: string, sourceId: string, footnotes: ReturnType<typeof footnotesByNumber>): Undated {
  const first = entry.blocks[0]!;
  const description = ENTRY.exec(first.text)![3]!;
  const charge = splitSentences(description)[0]?.text ?? description;
  const name = splitName(entry.printedName);

  const convicted = entry.list === 'convicted';
  const terms = convicted ? findTerms(charge) : [];
  const sentence_text = terms.length ? charge.slice(terms[0]!.index, terms.at(-1)!.index + terms.at(-1)!.length) : null;

  const citations = findArticles(charge);
  const articles = [...new Set(citations.map((c) => c.article))].sort(compareArticles);
  const charges = articles.map((article) => ({ article, label: citations.find((c) => c.article === article && c.label)?.label ?? null }));

  const refs = [...new Set(entry.blocks.flatMap((b) => b.refs.map((r) => r.n)))];
  return {
    id,
    list: entry.list,
    number: entry.number,
    ...name,
    name_as_printed: entry.printedName,
    aliases: [],
    group: entry.group,
    sentence_text,
    sentence_months: terms.length ? terms.reduce((sum, t) => sum + t.months, 0) : null,
    sentence_terms_months: terms.map((t) => t.months),
    articles,
    charges,
    footnotes: refs,
    source_urls: refs.flatMap((n) => (footnotes.has(n) ? urlsOf(footnotes.get(n)!) : [])),
    text: entry.blocks.map((b) => b.text).join('\n\n'),
    source: {
      id: sourceId,
      line_start: first.line_start,
      line_end: entry.blocks.at(-1)!.line_end,
      ...(first.page ? { page: first.page } : {}),
    },
  };
}

/** The record with the dates and figures its events give, in the schema's field order. */
function withEvents(p: Undated, events: Event[], asOf: string | null): Prisoner {
  const { footnotes, source_urls, text, source, ...head } = p;
  const dates = caseDates(p.list, events);
  const { convicted_on, convicted_on_from, custody_since, custody_since_from } = dates;
  const figures = caseFigures(dates, p.sentence_months, events, asOf);
  return { ...head, convicted_on, convicted_on_from, custody_since, custody_since_from, ...figures, footnotes, source_urls, text, source };
}

export function extractPrisoners(doc: DocumentModel, sourceId: string, identity: Identity = emptyIdentity()): PrisonerExtraction {
  const diagnostics: Diagnostic[] = [];
  const entries = collectEntries(doc, diagnostics);
  const footnotes = footnotesByNumber(doc);
  const ids = assignIds(
    entries.map((e) => splitName(e.printedName)),
    identity,
  );
  const records = entries.map((e, i) => toRecord(e, ids[i]!, sourceId, footnotes));
  const mentions = findNameMentions(doc, records);
  const aliases = aliasesByPrisoner(records, mentions);
  const sources = records.map((p, i) => ({ prisoner_id: p.id, blocks: entries[i]!.blocks, groupIntro: entries[i]!.groupIntro }));
  const events = orderEvents(draftEvents(doc, sources, mentions, sourceId), ids);
  const eventsOf = groupBy(events, (e) => e.prisoner_id);
  const asOf = reportDate(doc);
  const prisoners = records.map((p) => withEvents({ ...p, aliases: aliases.get(p.id)! }, eventsOf.get(p.id) ?? [], asOf));

  for (const p of prisoners) {
    for (const n of p.footnotes) {
      if (!footnotes.has(n))
        diagnostics.push({ level: 'warning', message: `${p.id} cites footnote ${n}, which is not defined`, line: p.source.line_start });
    }
    if (p.list === 'convicted' && p.sentence_months === null) {
      diagnostics.push({
        level: 'warning',
        message: `${p.id}: no prison term found in "${p.sentence_text ?? p.text.slice(0, 60)}"`,
        line: p.source.line_start,
      });
    }
  }
  for (const list of ['convicted', 'pre_trial'] as const) {
    const entries = prisoners.filter((q) => q.list === list);
    for (const { index, number, expected } of numberingBreaks(entries.map((p) => p.number))) {
      diagnostics.push({
        level: 'warning',
        message: `${list} entry numbered ${number} where ${expected} was expected`,
        line: entries[index]!.source.line_start,
      });
    }
  }
  return { prisoners, events, diagnostics };
}
