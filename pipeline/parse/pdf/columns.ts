/**
 * Reading order from the page's geometry: a page may set its text in columns,
 * one region at a time (a full-width heading above two columns, a one-column
 * page after them). Columns are found by their gutters: a vertical band that
 * no text crosses, shared by a run of consecutive rows, with several rows of
 * text on either side. Each column region is read column by column; anything
 * else is read top to bottom, as one frame of text. Nothing here knows a page
 * size, a number of columns or the producer of the file.
 */
import { firstWord, wordWidth } from './blocks.js';
import { columnRight, type Layout } from './layout.js';
import { groupLines, type Line } from './lines.js';
import type { TextItem } from './load.js';

/** A run of text read as one column: its rows (top to bottom), the frame it is set in, and that frame's edges (columns only). */
export interface Frame {
  rows: TextItem[][];
  /** "7" for a page's full-width text; "7.2.1" for column 1 of the page's column region 2. */
  id: string;
  bounds?: { left: number; right: number };
}

export type Interval = [number, number];

/** A gutter is at least this wide, in units of the text size (word spaces, even justified, are far narrower). */
const GUTTER = 1;
/**
 * Rows of text a gutter needs on either side: three on one, two on the other (a chapter's last column may
 * hold two lines); fewer cannot tell columns from a table or a chance gap between words.
 */
const ROWS = 3;
const SHORT_SIDE = 2;
/** A column is at least this share of the region's width (a column of page numbers in a contents list is not one). */
const SHARE = 0.2;

const right = (i: TextItem) => i.x + i.width;

/** The most common text size of the page, weighted by characters. */
function textSize(items: TextItem[]): number {
  const weights = new Map<number, number>();
  for (const i of items) weights.set(Math.round(i.size * 10) / 10, (weights.get(Math.round(i.size * 10) / 10) ?? 0) + i.str.length);
  return [...weights].reduce((a, b) => (b[1] > a[1] ? b : a), [10, -1])[0];
}

/** Horizontal bands of [from, to] that no item of the row covers. */
function freeBands(row: TextItem[], [from, to]: Interval): Interval[] {
  const out: Interval[] = [];
  let x = from;
  for (const i of [...row].sort((a, b) => a.x - b.x)) {
    if (i.x > x) out.push([x, i.x]);
    x = Math.max(x, right(i));
  }
  if (to > x) out.push([x, to]);
  return out;
}

function intersect(a: Interval[], b: Interval[], min: number): Interval[] {
  const out: Interval[] = [];
  for (const [a1, a2] of a)
    for (const [b1, b2] of b) if (Math.min(a2, b2) - Math.max(a1, b1) >= min) out.push([Math.max(a1, b1), Math.min(a2, b2)]);
  return out;
}

interface Region {
  rows: TextItem[][];
  free: Interval[];
}

/** Consecutive rows that share a free band wide enough for a gutter. */
function regions(rows: TextItem[][], extent: Interval, min: number): Region[] {
  const out: Region[] = [];
  for (const row of rows) {
    const bands = freeBands(row, extent).filter(([a, b]) => b - a >= min);
    const current = out.at(-1);
    const shared = current ? intersect(current.free, bands, min) : [];
    if (current && shared.length) {
      current.rows.push(row);
      current.free = shared;
    } else out.push({ rows: [row], free: bands });
  }
  return out;
}

/**
 * A column's lines hold several words: several rows on each side of a gutter do. The large gaps of justified
 * text in a narrow column stand between one word and the next, one word on either side.
 */
const wordy = (parts: TextItem[][]) =>
  parts.filter((part) => part.flatMap((i) => i.str.trim().split(/\s+/)).length >= 2).length >= SHORT_SIDE;

/**
 * Rows right of a gutter start on their column's edge, or on an indent, two of them on one place at least; the
 * words that border a chance gap between justified words start wherever the spacing put them.
 */
function sharedStart(parts: TextItem[][]): boolean {
  const starts = parts.map((part) => Math.min(...part.map((i) => i.x)));
  return starts.some((x, k) => starts.some((y, m) => m !== k && Math.abs(x - y) <= 0.05 * (parts[k]![0]?.size ?? 10)));
}

/**
 * The gutters of a region: free bands with enough rows and width of text on either side, or a band with text on
 * either side where the document sets a gutter on other pages (`elsewhere`) or where the next column starts at
 * the pitch of the region's own columns: a page's last column may hold a single line, fewer rows than a gutter of
 * its own needs.
 */
function gutters(region: Region, extent: Interval, elsewhere: Interval[], size: number): Interval[] {
  const width = extent[1] - extent[0];
  const own = region.free.filter((band) => ownGutter(region, band, width));
  const left = Math.min(...region.rows.flat().map((i) => i.x));
  // columns are set at a regular pitch: the next column starts as far from a gutter's end as that end from the text's start
  const next = own.map(([, b]) => 2 * b - left);
  const regular = ([, b]: Interval) => next.some((x) => Math.abs(x - b) <= 0.5 * size);
  const known = ([a, b]: Interval) => elsewhere.some(([c, d]) => c >= a && d <= b);
  return region.free.filter((band) => own.includes(band) || ((regular(band) || known(band)) && sidesOf(region, band)));
}

/** A gutter measured elsewhere needs rows of text on its left and at least one on its right. */
function sidesOf(region: Region, [a, b]: Interval): boolean {
  const left = region.rows.filter((r) => r.some((i) => right(i) <= a)).length;
  return left >= ROWS && region.rows.some((r) => r.some((i) => i.x >= b));
}

function ownGutter(region: Region, [a, b]: Interval, width: number): boolean {
  const left = region.rows.filter((r) => r.some((i) => right(i) <= a));
  const rightRows = region.rows.filter((r) => r.some((i) => i.x >= b));
  if (Math.min(left.length, rightRows.length) < SHORT_SIDE || Math.max(left.length, rightRows.length) < ROWS) return false;
  const leftParts = left.map((r) => r.filter((i) => right(i) <= a));
  const rightParts = rightRows.map((r) => r.filter((i) => i.x >= b));
  if (!wordy(leftParts) || !wordy(rightParts) || !sharedStart(rightParts)) return false;
  const leftItems = leftParts.flat();
  const rightItems = rightParts.flat();
  const span = (items: TextItem[]) => Math.max(...items.map(right)) - Math.min(...items.map((i) => i.x));
  return span(leftItems) >= SHARE * width && span(rightItems) >= SHARE * width;
}

/** A column region's items split at its gutters, each column with its own edges. */
function splitColumns(region: Region, cuts: Interval[], page: number, index: number, size: number): Frame[] {
  const edges = [-Infinity, ...cuts.map(([a, b]) => (a + b) / 2), Infinity];
  const columns = edges
    .slice(1)
    .map((end, c) => region.rows.map((r) => r.filter((i) => i.x >= edges[c]! && i.x < end)).filter((r) => r.length));
  // a column of indented entries starts at its indent: the left edge is where any of its rows starts
  const lefts = columns.map((rows) => Math.min(...rows.map((r) => Math.min(...r.map((i) => i.x)))));
  const rights = columns.map((rows) =>
    columnRight(
      rows.map((r) => Math.max(...r.map(right))),
      size,
    ),
  );
  // a column of a few lines (a short last column) has the width of the region's others
  const width = Math.max(...rights.map((r, c) => r - lefts[c]!));
  const rightOf = (c: number) => (columns[c]!.length >= ROWS ? rights[c]! : lefts[c]! + width);
  return columns.map((rows, c) => ({
    rows: groupLines(rows.flat()),
    id: `${page}.${index}.${c + 1}`,
    bounds: { left: lefts[c]!, right: rightOf(c) },
  }));
}

/**
 * A page's rows (top to bottom, each the items on one baseline across the page) -> frames in reading
 * order. A page without columns is one frame holding every item, as it was read before columns existed.
 */
export function readingOrder(rows: TextItem[][], page: number, elsewhere: Interval[] = []): Frame[] {
  const items = rows.flat();
  if (!items.length) return [];
  const extent: Interval = [Math.min(...items.map((i) => i.x)), Math.max(...items.map(right))];
  const size = textSize(items);
  const frames: Frame[] = [];
  regions(rows, extent, GUTTER * size).forEach((region, index) => {
    const cuts = gutters(region, extent, elsewhere, size);
    if (cuts.length) return frames.push(...splitColumns(region, cuts, page, index + 1, size));
    const last = frames.at(-1);
    if (last && !last.bounds) last.rows.push(...region.rows);
    else frames.push({ rows: region.rows, id: String(page) });
  });
  return frames;
}

/** The gutters a page sets by itself (its rows as readingOrder takes them). */
export function pageGutters(rows: TextItem[][]): Interval[] {
  const items = rows.flat();
  if (!items.length) return [];
  const extent: Interval = [Math.min(...items.map((i) => i.x)), Math.max(...items.map(right))];
  const size = textSize(items);
  return regions(rows, extent, GUTTER * size).flatMap((region) => gutters(region, extent, [], size));
}

/**
 * A page's own text column, where its wrapped prose ends well short of the document's: the two furthest
 * lines of prose end within a letter or two of each other (a chapter's page may hold only a few lines), ragged
 * lines were wrapped there, or a justified line was spread to it.
 */
function narrowerColumn(body: Line[], layout: Layout): Line['bounds'] {
  const rights = body
    .filter((l) => l.text.split(' ').length >= 4)
    .map((l) => l.right)
    .sort((a, b) => b - a);
  if (rights.length < SHORT_SIDE) return undefined;
  const right = rights[0]!;
  if (right > layout.right - 0.2 * (layout.right - layout.left)) return undefined;
  if (rights[0]! - rights[1]! > layout.bodySize && !wrappedAt(right, body, layout) && !spreadTo(right, body, layout)) return undefined;
  return { left: Math.min(...body.map((l) => l.x)), right };
}

/**
 * Justified text spread to `right`: the page's widest line of prose runs on into the next line (close below, as
 * large, at the same indent). In justified text only a paragraph's last line stops short of its column's edge,
 * and the widest line of the page is no last line when its paragraph goes on: one wrapped line shows the column.
 */
function spreadTo(right: number, body: Line[], layout: Layout): boolean {
  if (!layout.justified) return false;
  const i = body.findIndex((l) => l.right === right && l.text.split(' ').length >= 4);
  const [a, b] = [body[i], body[i + 1]];
  if (!a || !b || b.frame !== a.frame || !(a.y > b.y) || a.y - b.y > 1.3 * layout.pitch * layout.bodySize) return false;
  return Math.abs(a.size - b.size) <= 0.1 * a.size && Math.abs(a.x - b.x) <= 0.5 * layout.bodySize && b.right < right;
}

/**
 * Ragged text wrapped at `right`: its lines end up to a word apart, but no line of prose followed at the line
 * pitch by another left room there for that line's first word (a paragraph's short last line, followed closely
 * by the next, would have: then nothing shows the column).
 */
function wrappedAt(right: number, body: Line[], layout: Layout): boolean {
  const wrapped = body.flatMap((a, i) => {
    const b = body[i + 1];
    const close = b && b.frame === a.frame && a.y > b.y && a.y - b.y <= 1.3 * layout.pitch * layout.bodySize;
    return close && a.text.split(' ').length >= 4 ? [[a, b] as const] : [];
  });
  return wrapped.length >= SHORT_SIDE && wrapped.every(([a, b]) => a.right + wordWidth(firstWord(b.text), b) > right);
}

/**
 * A page whose text fills only one column (the last page of a two-column document, a column region with
 * its second column empty) shows no gutter. Where every line of body text on such a page lies within a
 * column the document sets elsewhere, or the page's wrapped prose ends well short of the document's text
 * column, the page's lines take that column's edges.
 */
export function adoptColumnEdges(pages: Line[][], layout: Layout): void {
  const known = new Map<string, NonNullable<Line['bounds']>>();
  for (const l of pages.flat()) if (l.bounds) known.set(`${Math.round(l.bounds.left)}:${Math.round(l.bounds.right)}`, l.bounds);
  for (const lines of pages) {
    const loose = lines.filter((l) => !l.bounds);
    const body = loose.filter((l) => l.size < 1.1 * layout.bodySize);
    if (!body.length) continue;
    const fits = (b: NonNullable<Line['bounds']>) => body.every((l) => l.x >= b.left - 0.5 * l.size && l.right <= b.right + 0.5 * l.size);
    const column = [...known.values()].find(fits) ?? narrowerColumn(body, layout);
    if (column) for (const l of loose) l.bounds = column;
  }
}
