/**
 * Positioned text items of one page -> lines of text in reading order, with
 * superscript footnote markers turned into references. Only geometry relative
 * to each line is used (sizes and baselines compared within the line), so any
 * page size, font or margin gives the same lines.
 */
import type { Ref } from '../../model/document.js';
import type { PdfPage, TextItem } from './load.js';

export interface Line {
  page: number;
  /** The frame of text the line is set in: the page, or one column of it (see columns.ts). */
  frame: string;
  /** Left and right edges of the line's column; none for a page's full-width text (the layout's apply). */
  bounds?: { left: number; right: number };
  /** Baseline of the line's main text (PDF user space, grows upwards). */
  y: number;
  x: number;
  right: number;
  /** Size of the line's main text (superscripts excluded). */
  size: number;
  text: string;
  refs: Ref[];
  /** A superscript number opening the line: the line starts footnote `marker`'s definition. */
  marker: number | null;
  /** Target of the link the line's text is, where the text was cut at the page edge (see clipped.ts). */
  link?: string;
  /** Where the line's first word ends and its last word starts (superscripts left out). */
  firstWordEnd?: number;
  lastWordStart?: number;
}

/** Vertical extent of an item's glyphs, roughly (descender to ascender). */
const top = (i: TextItem) => i.y + 0.8 * i.size;
const bottom = (i: TextItem) => i.y - 0.2 * i.size;

/** Items whose glyph boxes overlap by more than half the smaller one sit on one line. */
function sameLine(line: TextItem[], item: TextItem): boolean {
  const main = line.reduce((a, b) => (b.size > a.size ? b : a));
  const overlap = Math.min(top(main), top(item)) - Math.max(bottom(main), bottom(item));
  return overlap > 0.5 * Math.min(main.size, item.size);
}

export function groupLines(items: TextItem[]): TextItem[][] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y + 0.3 * b.size - (a.y + 0.3 * a.size) || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const last = lines.at(-1);
    if (last && sameLine(last, item)) last.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

const REFS = /^\d{1,4}(?:\s*,\s*\d{1,4})*$/;

/** One line's items -> its text, references and opening marker. */
export function buildLine(items: TextItem[], page: number, frame: Pick<Line, 'frame' | 'bounds'> = { frame: String(page) }): Line {
  const size = Math.max(...items.map((i) => i.size));
  const baseline = items.filter((i) => i.size >= 0.95 * size).reduce((lowest, i) => Math.min(lowest, i.y), Infinity);
  const isSup = (i: TextItem) => i.size < 0.9 * size && i.y > baseline + 0.15 * size;
  let text = '';
  const refs: Ref[] = [];
  let marker: number | null = null;
  let sup = '';
  let end = -Infinity; // right edge of the previous item
  const space = (i: TextItem) => i.x - end > 0.15 * Math.max(i.size, size * 0.8);
  const flushSup = () => {
    const s = sup.trim();
    sup = '';
    if (!s) return;
    if (REFS.test(s)) {
      if (!text.trim() && /^\d+$/.test(s) && marker === null) marker = Number(s);
      else {
        text = text.trimEnd();
        for (const n of s.split(/\s*,\s*/)) refs.push({ n: Number(n), at: text.length });
      }
    } else text += s; // "142<sup>nd</sup>": ordinal suffixes are text
  };
  for (const item of items) {
    const gap = space(item);
    if (isSup(item)) {
      sup += (gap && sup ? ' ' : '') + item.str;
    } else {
      flushSup();
      if (gap && text && !text.endsWith(' ')) text += ' ';
      text += item.str;
    }
    end = item.x + item.width;
  }
  flushSup();
  const words = wordEdges(
    items.filter((i) => !isSup(i)),
    (i, previousEnd) => i.x - previousEnd > 0.15 * Math.max(i.size, size * 0.8),
  );
  return {
    page,
    ...frame,
    y: baseline,
    x: Math.min(...items.map((i) => i.x)),
    right: Math.max(...items.map((i) => i.x + i.width)),
    size,
    ...normalise(text, refs),
    marker,
    ...words,
  };
}

/** Array.prototype.findLastIndex (ES2023, beyond the project's library target). */
function lastIndex<T>(xs: T[], test: (x: T, k: number) => boolean): number {
  for (let k = xs.length - 1; k >= 0; k--) if (test(xs[k]!, k)) return k;
  return -1;
}

/**
 * Where the first word of a run of items ends and its last word starts. A word inside an item is placed by its
 * share of the item's characters; a gap between items (`apart`) separates words as a space does.
 */
function wordEdges(items: TextItem[], apart: (i: TextItem, previousEnd: number) => boolean): Pick<Line, 'firstWordEnd' | 'lastWordStart'> {
  const chars: Array<{ space: boolean; from: number; to: number }> = [];
  let end = -Infinity;
  for (const item of items) {
    if (apart(item, end)) chars.push({ space: true, from: end, to: item.x });
    const text = [...item.str];
    const step = item.width / Math.max(1, text.length);
    text.forEach((ch, k) => chars.push({ space: /\s/.test(ch), from: item.x + k * step, to: item.x + (k + 1) * step }));
    end = item.x + item.width;
  }
  const first = chars.findIndex((c) => !c.space);
  const last = lastIndex(chars, (c) => !c.space);
  if (first < 0) return {};
  const afterFirst = chars.findIndex((c, k) => k > first && c.space);
  const beforeLast = lastIndex(chars, (c, k) => k < last && c.space);
  return {
    firstWordEnd: afterFirst < 0 ? chars[last]!.to : chars[afterFirst - 1]!.to,
    lastWordStart: beforeLast < 0 ? chars[first]!.from : chars[beforeLast + 1]!.from,
  };
}

/**
 * Collapse whitespace and drop bold markup a converter left in the text ("A**",
 * as the Markdown front end does; "A****B", two bold runs, stays for the block
 * stage to split), keeping reference offsets on the characters they follow.
 */
function normalise(raw: string, refs: Ref[]): { text: string; refs: Ref[] } {
  const drop = new Set<number>();
  for (const m of raw.matchAll(/\*{2,}/g)) if (m[0].length < 4) for (let k = 0; k < m[0].length; k++) drop.add(m.index + k);
  let text = '';
  const map: number[] = []; // raw offset -> normalised offset
  for (let i = 0; i < raw.length; i++) {
    map[i] = text.length;
    const ch = raw[i]!;
    if (drop.has(i)) continue;
    if (/\s/.test(ch)) {
      if (text && !text.endsWith(' ')) text += ' ';
    } else text += ch;
  }
  map[raw.length] = text.length;
  const trimmed = text.trimEnd();
  return { text: trimmed, refs: refs.map((r) => ({ n: r.n, at: Math.min(map[r.at]!, trimmed.length) })) };
}

/** A page's rows: the items on each baseline across the whole page, top to bottom. */
export const pageRows = (page: PdfPage): TextItem[][] => groupLines(page.items);

export function pageLines(page: PdfPage): Line[] {
  return pageRows(page).map((items) => buildLine(items, page.number));
}

/** Is a line set below the last line of body text of its frame (page or column): at its foot, where footnotes stand? */
export function footZone(lines: Line[], bodySize: number): (l: Line) => boolean {
  const lowestBody = new Map<string, number>();
  for (const l of lines) if (l.size >= 0.95 * bodySize) lowestBody.set(l.frame, Math.min(lowestBody.get(l.frame) ?? Infinity, l.y));
  return (l) => l.y < (lowestBody.get(l.frame) ?? -Infinity);
}

/**
 * Footnotes numbered in plain figures ("12 Text", not a superscript) are told
 * by where they stand: set smaller than body text, below the page's last line
 * of body text (of its column). Such a line opens footnote 12's definition.
 */
export function markPlainFootnoteNumbers(lines: Line[], bodySize: number): Line[] {
  const inFoot = footZone(lines, bodySize);
  const opensNote = (l: Line | undefined) => l !== undefined && (l.marker !== null || /^\d{1,4}\s/.test(l.text));
  return lines.map((l, i) => {
    const m = /^(\d{1,4})(?:\s+(?=\S)|$)/.exec(l.text);
    if (!m || l.marker !== null || l.size >= 0.9 * bodySize || !inFoot(l)) return l;
    // the number alone, when its text (a long URL) did not fit beside it, is followed by that text on its
    // page; before the next footnote, or last on the page, it is rather the tail of a URL ("...-13" / "908")
    const next = lines[i + 1];
    if (m[0] === l.text && (next?.frame !== l.frame || next.size >= 0.9 * bodySize || opensNote(next))) return l;
    const cut = m[0].length;
    return { ...l, marker: Number(m[1]), text: l.text.slice(cut), refs: l.refs.map((r) => ({ n: r.n, at: Math.max(0, r.at - cut) })) };
  });
}
