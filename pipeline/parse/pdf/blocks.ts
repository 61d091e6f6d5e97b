/**
 * Lines -> blocks. A block ends where the layout says a writer ended it: a
 * larger gap than between lines, a change of indent or size, a footnote
 * number opening the next line, a line opening a numbered entry, or a line
 * that stops short although the next line's first word would have fitted on
 * it, or, in justified text, stops short of the edge. A page break is no such signal, so paragraphs and list
 * entries run on across it (past the footnotes at the foot of the page, too).
 */
import { ENTRY_HEAD } from '../../lib/entry.js';
import { endsSentence } from '../../lib/text.js';
import type { Ref } from '../../model/document.js';
import { type Layout, leftOf, rightOf } from './layout.js';
import { footZone, type Line } from './lines.js';
import { SENTENCE_START } from '../../lib/capitals.js';

/** Lines of one block, before it is given a kind. */
export interface RawBlock {
  lines: Line[];
  /** Line number (1-based, over the whole document) of the first and last line. */
  first: number;
  last: number;
  /** Footnote number when the block opens with a footnote marker. */
  footnote: number | null;
}

export const firstWord = (text: string) => text.split(' ')[0] ?? '';

/**
 * Rough width of a word set like line `l`: the line's average letter (a space
 * counts as about half a letter), capitals wider than that.
 */
export function wordWidth(word: string, l: Line): number {
  const spaces = l.text.split(' ').length - 1;
  const average = (l.right - l.x) / Math.max(1, l.text.length - spaces + 0.55 * spaces);
  let width = 0.55 * average; // the space before it
  for (const ch of word) width += /\p{Lu}/u.test(ch) ? 1.35 * average : average;
  return width;
}

const STARTS_SENTENCE = new RegExp(`^${SENTENCE_START}`, 'u');
const startsSentence = (text: string) => STARTS_SENTENCE.test(text);

/**
 * Would the next line's first word have fitted at the end of this one? Then
 * this line was ended on purpose. Widths are estimates, so unless the line
 * ends a sentence and the next starts one, the word must fit with room to spare.
 */
function wordWouldFit(a: Line, b: Line, layout: Layout): boolean {
  const word = firstWord(b.text);
  // footnote references glued to the word travel with it ("him.141, 142"), in smaller figures
  const refs = b.refs
    .filter((r) => r.at === word.length)
    .map((r) => String(r.n))
    .join(', ');
  const needed = wordWidth(word, b) + (refs ? 0.7 * wordWidth(refs, b) : 0);
  const room = rightOf(a, layout) - a.right;
  if (endsSentence(a.text) && startsSentence(b.text)) {
    // across a page break no gap says a paragraph ended: there, a sentence boundary gets the benefit of the
    // doubt (see also endsShortOfJustified); on a page, lines at the usual spacing need clear room to be apart
    return a.frame === b.frame ? room > 1.25 * needed + 0.25 * b.size : room > 0.85 * needed;
  }
  return room > 1.3 * needed + 0.5 * b.size;
}

/**
 * In justified text every line of a paragraph but its last is spread to the column's right edge: a line of
 * several words, in body text's size, that stops short of it ended its paragraph, however little room it left
 * (a page break shows nothing else). A line of one word (a piece of a cut URL) and headings are not spread.
 */
const endsShortOfJustified = (a: Line, layout: Layout) =>
  layout.justified &&
  Math.abs(a.size - layout.bodySize) <= 0.1 * layout.bodySize &&
  a.text.includes(' ') &&
  rightOf(a, layout) - a.right > 0.3 * a.size;

/**
 * A line holding nothing but a number set smaller than body text and than the
 * lines around it: a footnote marker whose text (a long URL) did not fit
 * beside it. (The tail of a URL, "0730", is as large as the line before it.)
 */
const isMarkerOnly = (l: Line, previous: Line | undefined, next: Line | undefined, layout: Layout) =>
  l.marker === null &&
  /^\d{1,4}$/.test(l.text) &&
  next !== undefined &&
  l.size < 0.9 * next.size &&
  l.size < 0.9 * layout.bodySize &&
  (previous?.frame !== l.frame || l.size < 0.9 * previous.size);

/** The block is a footnote whose first line is its number standing alone. */
export const opensWithLoneMarker = (block: RawBlock) =>
  block.footnote !== null && block.lines[0]!.marker === null && block.lines[0]!.text === String(block.footnote);

/** How far apart two lines' indents are, each measured from the left edge of its own column. */
const indentDiffers = (a: Line, b: Line, layout: Layout) => Math.abs(a.x - leftOf(a, layout) - (b.x - leftOf(b, layout)));

/** The number opening an item of a numbered list, "12. text" (NaN for none). */
const listNumber = (text: string) => Number(/^(\d{1,4})\.\s/.exec(text)?.[1] ?? NaN);

function continues(block: RawBlock, a: Line, b: Line, layout: Layout): boolean {
  if (block.footnote !== null && block.lines.length === 1 && (opensWithLoneMarker(block) || !a.text)) return true;
  if (Math.abs(a.size - b.size) > 0.1 * Math.max(a.size, b.size)) return false;
  // a line opening a numbered entry ("24 Given FAMILY –") starts one, even where the widths leave no
  // doubt-free room (a list without spacing)
  if (ENTRY_HEAD.test(b.text)) return false;
  // the next item of a numbered list ("13. text" after a block opened by "12. text": endnotes) starts one
  if (listNumber(b.text) === listNumber(block.lines[0]!.text) + 1) return false;
  if (wordWouldFit(a, b, layout)) return false;
  if (a.frame !== b.frame && endsShortOfJustified(a, layout)) return false;
  const close = a.frame === b.frame && (a.y - b.y) / Math.max(a.size, b.size) <= layout.pitch * 1.3;
  if (block.footnote !== null) {
    // a URL broken across lines runs on whatever the spacing (and past a page break)
    if (endsInUrl(block) && urlGoesOn(b.text)) return true;
    // past a page break a note set in the text's size runs on like a paragraph (smaller page-foot notes
    // meet the next page's text, which is larger: the size check above has ended them)
    if (a.frame === b.frame) return close;
    return indentDiffers(a, b, layout) <= 0.5 * layout.bodySize && !endsSentence(a.text) && !endsInUrl(block);
  }
  if (indentDiffers(a, b, layout) > 0.5 * layout.bodySize) return false;
  return a.frame !== b.frame || close;
}

/**
 * A footnote that did not fit at the foot of its frame runs on at the top of the next frame's foot (as TeX sets
 * them): a line with no number, set smaller than body text, first below the body text of its frame (or first on a
 * frame without body text), after a note that filled the foot of the frame before.
 */
function runOnNote(lines: Line[], layout: Layout): (i: number, note: RawBlock | undefined) => boolean {
  const inFoot = footZone(lines, layout.bodySize);
  const small = (l: Line | undefined) => l !== undefined && l.size < 0.95 * layout.bodySize;
  const withText = new Set(lines.filter((l) => !small(l)).map((l) => l.frame)); // a last page may hold only the rest of a note
  return (i, note) => {
    const line = lines[i]!;
    const before = lines[i - 1];
    if (!note || !small(line) || !(inFoot(line) || !withText.has(line.frame)) || (before?.frame === line.frame && small(before)))
      return false;
    const end = note.lines.at(-1)!;
    const last = note.last; // 1-based: lines[last] is the line after the note
    const filledFoot = lines[last]?.frame !== end.frame;
    return end.frame !== line.frame && filledFoot && Math.abs(end.size - line.size) <= 0.1 * end.size;
  };
}

export function groupBlocks(lines: Line[], layout: Layout): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: RawBlock | undefined; // the block that took the previous line
  let body: RawBlock | undefined; // the last block that is not a footnote
  let note: RawBlock | undefined; // the last footnote
  const runsOn = runOnNote(lines, layout);
  lines.forEach((line, i) => {
    const marker = line.marker ?? (isMarkerOnly(line, lines[i - 1], lines[i + 1], layout) ? Number(line.text) : null);
    const takes = (b: RawBlock | undefined) => b !== undefined && marker === null && continues(b, b.lines.at(-1)!, line, layout);
    // a paragraph cut by a page break resumes after the footnotes at the foot of its page (set smaller
    // than the text: footnotes printed in the text's own size are where the text has them)
    const resumes =
      current?.footnote !== null &&
      body !== undefined &&
      line.frame !== current?.lines.at(-1)!.frame &&
      current!.lines.every((l) => l.size < 0.95 * layout.bodySize);
    // a footnote marker standing alone takes the next line, its text, first of all
    const awaitsText =
      current !== undefined &&
      current.footnote !== null &&
      current.lines.length === 1 &&
      marker === null &&
      (opensWithLoneMarker(current) || !current.lines[0]!.text);
    const runOn = marker === null && !awaitsText && runsOn(i, note);
    const target = runOn ? note : awaitsText ? current : resumes && takes(body) ? body : takes(current) ? current : undefined;
    if (target) {
      target.lines.push(line);
      target.last = i + 1;
    } else {
      blocks.push({ lines: [line], first: i + 1, last: i + 1, footnote: marker });
      if (marker === null) body = blocks.at(-1);
      else note = blocks.at(-1);
    }
    current = target ?? blocks.at(-1);
  });
  return blocks;
}

const URLISH = /(?:https?:\/\/|www\.)\S*$/i;

/** Does the block's text end inside a URL (which may have begun lines above)? */
function endsInUrl(block: RawBlock): boolean {
  let tail = '';
  for (let i = block.lines.length - 1; i >= 0; i--) {
    const text = block.lines[i]!.text;
    tail = text + tail;
    if (text.includes(' ') || /https?:\/\/|www\./i.test(text)) break;
  }
  return URLISH.test(tail);
}

/**
 * A line that carries on a URL: one token, or a first token with a URL's
 * characters ("6506705.html", "a-b-c", "x7Gw"), not a word or a bare number
 * ("11 Given FAMILY –" opens an entry).
 */
function urlGoesOn(text: string): boolean {
  const w = firstWord(text);
  return !text.includes(' ') || /[-/?&=_.#%~+:\\]/.test(w) || (/\d/.test(w) && /\p{L}/u.test(w));
}

/**
 * Join a block's lines into one text. A URL broken across lines is one URL
 * again; a hyphen at a line end is kept (a hyphenated word, "35-year-old"),
 * unless the document spells the joined word elsewhere without it.
 */
export function joinLines(lines: Line[], vocabulary: Set<string>, layout: Layout): { text: string; refs: Ref[] } {
  let text = '';
  const refs: Ref[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (!line.text) continue;
    if (text) text = joinPoint(text, line.text, vocabulary, brokenAtSpace(previous!, line, layout));
    previous = line;
    for (const r of line.refs) refs.push({ n: r.n, at: text.length + r.at });
    text += line.text;
  }
  return { text, refs };
}

/** Rough width of a character set like line `l`, relative to the line's average: wide letters wider (none counted narrow). */
function charWidth(ch: string, l: Line): number {
  const average = (l.right - l.x) / Math.max(1, l.text.length);
  return /[mwMW@%\p{Lu}]/u.test(ch) ? 1.6 * average : average;
}

/**
 * Was line `a` broken at a space before `b`, not cut inside a word? A word too long for the line (a URL) is cut
 * where the next character no longer fits, so a line that ends with room for `b`'s first character (or more
 * than three characters short of the column) was broken at a space (a URL with a space in it). Justified text
 * leaves no room at a line's end: there, a word is cut only when it is wider than the whole line, so a last
 * word of `a` that, joined to `b`'s first, would fit on one line was two words.
 */
function brokenAtSpace(a: Line, b: Line, layout: Layout): boolean {
  const room = rightOf(a, layout) - a.right;
  return room > 3 * charWidth('a', a) || room > 1.5 * charWidth(b.text[0] ?? 'a', a) || wouldFitJoined(a, b, layout);
}

/** Would `a`'s last word and `b`'s first, as one word, fit on a line of the column `b` is set in (with room to spare)? */
function wouldFitJoined(a: Line, b: Line, layout: Layout): boolean {
  if (a.lastWordStart === undefined || b.firstWordEnd === undefined) return false;
  const joined = a.right - a.lastWordStart + (b.firstWordEnd - b.x);
  return joined < rightOf(b, layout) - b.x - 0.5 * b.size;
}

/**
 * The text so far, ready for the next line to be appended: with a space, or
 * without one inside a URL (cut inside, or broken after its own punctuation)
 * or after a hyphen.
 */
function joinPoint(text: string, next: string, vocabulary: Set<string>, brokenAtSpace: boolean): string {
  if (URLISH.test(text)) return brokenAtSpace && !/[-/?&=_.#%~+:]$/.test(text) ? `${text} ` : text;
  if (!/[\p{L}\p{N}]-$/u.test(text)) return `${text} `;
  const stem = /(\p{L}+)-$/u.exec(text)?.[1];
  const rest = /^\p{Ll}+/u.exec(next)?.[0];
  if (stem && rest && vocabulary.has((stem + rest).toLowerCase()) && !vocabulary.has(`${stem}-${rest}`.toLowerCase()))
    return text.slice(0, -1);
  return text;
}

/** Words as the document prints them inside lines (not at line ends), to tell a broken word from a hyphenated one. */
export function vocabularyOf(lines: Line[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines)
    for (const w of l.text
      .toLowerCase()
      .match(/\p{L}+(?:-\p{L}+)*/gu)
      ?.slice(0, -1) ?? [])
      words.add(w);
  return words;
}
