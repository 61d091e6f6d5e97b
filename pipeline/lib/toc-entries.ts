/**
 * Every entry of the table of contents, located in the text. A conversion
 * keeps some entries as headings and loses others: their place survives as
 * the passage that opens the section (a bold lead-in sentence, a paragraph or
 * list entry naming the person the entry names). Entries that are headings
 * anchor the search; between two anchors, the lost entries are placed, in the
 * table's order, on the passages whose words best match their titles (rare
 * words count more than words found everywhere). Only an entry matching no
 * passage at all stays unlocated.
 */
import { parseToc, titleKey, type TocEntry } from './toc.js';
import type { Block, DocumentModel } from '../model/document.js';

export interface LocatedEntry {
  entry: TocEntry;
  /** Index in doc.blocks of the heading carrying the title, or of the passage that opens the entry; null: found nowhere. */
  at: number | null;
  found_as: 'heading' | 'text' | null;
}

/** Words too common in titles to place one. */
const STOP = new Set([
  'the',
  'and',
  'for',
  'its',
  'his',
  'her',
  'their',
  'against',
  'after',
  'over',
  'under',
  'from',
  'into',
  'with',
  'this',
  'that',
  'are',
  'was',
]);
/** A passage must share this much of a title's weight to be its place. */
const MIN_SCORE = 0.2;
/** A match in the whole passage counts less than one in its first sentence (where a lead-in is). */
const BODY_WEIGHT = 0.7;

/** Word stems (six letters: "legislative" and "legislation" meet), each once. */
const stems = (text: string) =>
  new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 6)));
const firstSentence = (text: string) => text.split(/(?<=[.!?])\s/)[0] ?? text;

class Scorer {
  private readonly idf = new Map<string, number>();
  private readonly first: Set<string>[];
  private readonly whole: Set<string>[];

  constructor(passages: Block[]) {
    this.first = passages.map((b) => stems(firstSentence(b.text)));
    this.whole = passages.map((b) => stems(b.text));
    const df = new Map<string, number>();
    for (const words of this.whole) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    for (const [w, n] of df) this.idf.set(w, Math.log((passages.length + 1) / (n + 1)));
  }

  private weight = (w: string) => this.idf.get(w) ?? Math.log(this.first.length + 1);

  /** Share of the title's weight found in each passage n of `among` (0..1): the title's words are stemmed once. */
  scores(title: string, among: number[]): number[] {
    const words = [...stems(title)];
    const total = words.reduce((sum, w) => sum + this.weight(w), 0);
    if (!total) return among.map(() => 0);
    const share = (found: Set<string>) => words.filter((w) => found.has(w)).reduce((sum, w) => sum + this.weight(w), 0) / total;
    return among.map((i) => Math.max(share(this.first[i]!), BODY_WEIGHT * share(this.whole[i]!)));
  }
}

/** The best order-keeping placement of entries on candidates (indices into scores' columns): -1 where none fits. */
function align(scores: number[][]): number[] {
  const memo = new Map<number, { total: number; pick: number[] }>();
  const columns = scores[0]?.length ?? 0;
  const best = (e: number, c: number): { total: number; pick: number[] } => {
    if (e === scores.length) return { total: 0, pick: [] };
    const key = e * (columns + 1) + c;
    const known = memo.get(key);
    if (known) return known;
    const skip = best(e + 1, c);
    let result = { total: skip.total, pick: [-1, ...skip.pick] };
    for (let j = c; j < columns; j++) {
      const s = scores[e]![j]!;
      if (s < MIN_SCORE) continue;
      const rest = best(e + 1, j + 1);
      if (s + rest.total > result.total) result = { total: s + rest.total, pick: [j, ...rest.pick] };
    }
    memo.set(key, result);
    return result;
  };
  return best(0, 0).pick;
}

/** Headings carrying an entry's title, in the table's order, after the table itself. */
function headingAnchors(blocks: Block[], toc: TocEntry[], after: number): Array<number | null> {
  let from = after + 1;
  return toc.map((e) => {
    const i = blocks.findIndex((b, j) => j >= from && b.kind === 'heading' && titleKey(b.text) === titleKey(e.title));
    if (i < 0) return null;
    from = i + 1;
    return i;
  });
}

export function locateTocEntries(doc: DocumentModel, toc: TocEntry[], tocAt: number): LocatedEntry[] {
  const blocks = doc.blocks;
  const anchors = headingAnchors(blocks, toc, tocAt);
  const isPassage = (b: Block) => b.kind === 'paragraph' || b.kind === 'list_item' || b.kind === 'caption';
  const passages = blocks.map((b, i) => ({ b, i })).filter(({ b, i }) => i > tocAt && isPassage(b));
  const scorer = new Scorer(passages.map((p) => p.b));
  const located: LocatedEntry[] = toc.map((entry, k) => ({ entry, at: anchors[k]!, found_as: anchors[k] !== null ? 'heading' : null }));
  for (let k = 0; k < toc.length; ) {
    if (anchors[k] !== null) {
      k++;
      continue;
    }
    let end = k;
    while (end < toc.length && anchors[end] === null) end++;
    const lo = k === 0 ? tocAt : anchors[k - 1]!;
    const hi = end < toc.length ? anchors[end]! : blocks.length;
    const window = passages.map((p, n) => ({ ...p, n })).filter(({ i }) => i > lo && i < hi);
    const among = window.map((p) => p.n);
    const picks = align(toc.slice(k, end).map((e) => scorer.scores(e.title, among)));
    picks.forEach((j, x) => {
      if (j >= 0) located[k + x] = { entry: toc[k + x]!, at: window[j]!.i, found_as: 'text' };
    });
    k = end;
  }
  return located;
}

/** The first paragraph that reads as a table of contents: its entries and its index in the blocks (-1: none). */
export function tocOf(doc: DocumentModel): { entries: TocEntry[]; at: number } {
  for (const [at, b] of doc.blocks.entries()) {
    if (b.kind !== 'paragraph') continue;
    const entries = parseToc(b.text);
    if (entries.length) return { entries, at };
  }
  return { entries: [], at: -1 };
}

/** Every entry of the table of contents located in the text ([] without a table). */
export function locatedToc(doc: DocumentModel): LocatedEntry[] {
  const { entries, at } = tocOf(doc);
  return entries.length ? locateTocEntries(doc, entries, at) : [];
}
