import { ENTRY } from '../lib/entry.js';
import { domainOf, footnoteUrls } from '../lib/urls.js';
import { type Block, type DocumentModel, type Footnote, isBody } from '../model/document.js';
import type { FootnoteRow } from '../model/records/footnotes.js';
import type { Prisoner } from '../model/records/prisoners.js';

/** Footnote definitions by number; the first definition of a number wins. */
export function footnotesByNumber(doc: DocumentModel): Map<number, Footnote> {
  const map = new Map<number, Footnote>();
  for (const b of doc.blocks) if (b.kind === 'footnote' && !map.has(b.number)) map.set(b.number, b);
  return map;
}

export const urlsOf = (f: Footnote) => footnoteUrls(f.text, f.links);

/** "12. text", "12) text", "12 text": a note of a numbered list (superscript numbers are footnote markers already). */
const NOTE = /^(\d{1,4})[.)]?\s+(?=\S)/u;
/** A back-link after a note, as converters print it ("↩", "↩︎"; "↑" or "^" in some styles). */
const BACKLINK = /(?:\s*(?:↩\uFE0E?|\u2191|\^))+$/u;

const noteNumber = (b: Block) => (isBody(b) && !ENTRY.test(b.text) ? Number(NOTE.exec(b.text)?.[1] ?? NaN) : NaN);

/** A note's blocks (its numbered opening, then any paragraphs it runs on into) -> one footnote. */
function asFootnote(blocks: Block[], number: number): Footnote {
  const [first, ...rest] = blocks as [Block, ...Block[]];
  const cut = NOTE.exec(first.text)![0].length;
  let text = first.text.slice(cut);
  const refs = first.refs.filter((r) => r.at >= cut).map((r) => ({ n: r.n, at: r.at - cut }));
  for (const b of rest) {
    text += ' ';
    refs.push(...b.refs.map((r) => ({ n: r.n, at: r.at + text.length })));
    text += b.text;
  }
  text = text.replace(BACKLINK, '');
  const last = blocks.at(-1)!;
  const place = first.page === undefined ? {} : { page: first.page };
  return {
    kind: 'footnote',
    number,
    text,
    refs: refs.filter((r) => r.at <= text.length),
    links: [],
    line_start: first.line_start,
    line_end: last.line_end,
    ...place,
  };
}

/**
 * Where does the document keep its notes? Footnotes (at the page foot or in the text) are footnote blocks
 * already. Endnotes are a numbered list at the end of the document or of a chapter: a run of numbered
 * blocks, each number one more than the last and defined nowhere else, most cited before the run (half, where
 * its numbers go on from the run before), ending
 * where a heading or the document does (a note may run on into a paragraph without a number). Such runs are read
 * as the footnotes they are; a document without citations left undefined is returned as it is.
 */
export function withEndnotes(printed: DocumentModel): DocumentModel {
  const doc = withoutBacklinks(printed);
  const defined = new Set(doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [b.number] : [])));
  const firstCited = new Map<number, number>();
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'footnote') for (const r of b.refs) if (!defined.has(r.n) && !firstCited.has(r.n)) firstCited.set(r.n, i);
  });
  if (!firstCited.size) return doc;
  const out: Block[] = [];
  let i = 0;
  let lastNote = 0;
  while (i < doc.blocks.length) {
    const run = noteRun(doc.blocks, i, firstCited, defined, lastNote);
    if (!run.length) out.push(doc.blocks[i++]!);
    lastNote = run.at(-1)?.number ?? lastNote;
    for (const note of run) {
      out.push(asFootnote(doc.blocks.slice(i, i + note.blocks), note.number));
      i += note.blocks;
    }
  }
  return out.length === doc.blocks.length && out.every((b, k) => b === doc.blocks[k]) ? doc : { ...doc, blocks: out };
}

/**
 * A footnote that ends in a back-link (endnotes numbered by superscripts are footnotes already, their arrows
 * still after them) loses it, as a numbered endnote does.
 */
function withoutBacklinks(doc: DocumentModel): DocumentModel {
  if (!doc.blocks.some((b) => b.kind === 'footnote' && BACKLINK.test(b.text))) return doc;
  const blocks = doc.blocks.map((b) => {
    if (b.kind !== 'footnote' || !BACKLINK.test(b.text)) return b;
    const text = b.text.replace(BACKLINK, '');
    return { ...b, text, refs: b.refs.filter((r) => r.at <= text.length) };
  });
  return { ...doc, blocks };
}

/** The notes (number, and how many blocks each takes) of the endnote run starting at block `start`, or none. */
function noteRun(
  blocks: Block[],
  start: number,
  firstCited: Map<number, number>,
  defined: Set<number>,
  lastNote: number,
): Array<{ number: number; blocks: number }> {
  const notes: Array<{ number: number; blocks: number }> = [];
  let k = start;
  for (; k < blocks.length; k++) {
    const b = blocks[k]!;
    const n = noteNumber(b);
    if (Number.isNaN(n) && notes.length && isBody(b)) {
      notes.at(-1)!.blocks++; // the note runs on
      continue;
    }
    const expected = notes.length ? notes.at(-1)!.number + 1 : n;
    if (Number.isNaN(n) || n !== expected || defined.has(n)) break;
    notes.push({ number: n, blocks: 1 });
  }
  const after = blocks[k];
  // a note nobody cites may stand in the list; most of its numbers are cited before it, or half of them where
  // the run goes on from the notes of the chapter before (its last two notes, one of them cited)
  const cited = notes.filter((note) => (firstCited.get(note.number) ?? Infinity) < start).length;
  const runsOn = lastNote > 0 && notes[0]?.number === lastNote + 1;
  const enough = 2 * cited > notes.length || (runsOn && cited > 0 && 2 * cited === notes.length);
  return (after === undefined || after.kind === 'heading') && enough ? notes : [];
}

/**
 * The footnotes table: each numbered footnote with its cleaned URLs, where it
 * is cited (sections) and by whom (prisoners' entries). A footnote without a
 * URL is a note (a remark, a definition, "available upon request").
 */
export function extractFootnotes(doc: DocumentModel, sectionAt: (line: number) => string | null, prisoners: Prisoner[]): FootnoteRow[] {
  const citedIn = new Map<number, Set<string>>();
  for (const b of doc.blocks) {
    if (b.kind === 'footnote') continue;
    const section = sectionAt(b.line_start);
    if (section === null) continue;
    for (const r of b.refs) {
      if (!citedIn.has(r.n)) citedIn.set(r.n, new Set());
      citedIn.get(r.n)!.add(section);
    }
  }
  const citedBy = new Map<number, string[]>();
  for (const p of prisoners) for (const n of p.footnotes) citedBy.set(n, [...(citedBy.get(n) ?? []), p.id]);

  return [...footnotesByNumber(doc).values()]
    .sort((a, b) => a.number - b.number)
    .map((f) => {
      const urls = urlsOf(f);
      return {
        number: f.number,
        kind: urls.length ? 'url' : 'note',
        urls,
        domains: [...new Set(urls.flatMap((u) => domainOf(u) ?? []))],
        text: f.text,
        cited_in: [...(citedIn.get(f.number) ?? [])],
        cited_by: citedBy.get(f.number) ?? [],
      };
    });
}
