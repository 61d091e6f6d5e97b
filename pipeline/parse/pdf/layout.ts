/**
 * What the document's own typography says, measured once: the size of body
 * text, the usual distance between lines, the left margin and the right edge
 * of the text column. Everything is taken from the file itself, so another
 * page size, font or margin gives other numbers and the same decisions.
 */
import type { Line } from './lines.js';

export interface Layout {
  bodySize: number;
  /** Usual baseline-to-baseline distance within a paragraph, in units of the text size. */
  pitch: number;
  /** Left edge of unindented body text. */
  left: number;
  /** Right edge of the text column: the furthest a wrapped line of prose reaches. */
  right: number;
  /** Text is justified: wrapped lines of prose end on their column's right edge (see isJustified). */
  justified: boolean;
}

/** Weight of each value, rounded to `step`. */
function histogram(values: Array<[number, number]>, step: number): Map<number, number> {
  const weights = new Map<number, number>();
  for (const [v, w] of values) {
    const k = Math.round(v / step) * step;
    weights.set(k, (weights.get(k) ?? 0) + w);
  }
  return weights;
}

/** The most frequent value (rounded to `step`), weighted. */
function mode(values: Array<[number, number]>, step: number): number {
  const weights = histogram(values, step);
  let best = 0,
    bestWeight = -1;
  for (const [k, w] of weights) if (w > bestWeight || (w === bestWeight && k < best)) [best, bestWeight] = [k, w];
  return best;
}

const similar = (a: number, b: number) => Math.abs(a - b) <= 0.1 * Math.max(a, b);

export function measureLayout(lines: Line[]): Layout {
  const bodySize = mode(
    lines.map((l) => [l.size, l.text.length]),
    0.05,
  );
  const body = lines.filter((l) => similar(l.size, bodySize));
  const gaps: Array<[number, number]> = [];
  for (let i = 1; i < body.length; i++) {
    const [a, b] = [body[i - 1]!, body[i]!];
    if (a.frame === b.frame && a.y > b.y) gaps.push([(a.y - b.y) / bodySize, 1]);
  }
  const pitch = linePitch(gaps);
  // columns carry their own edges: the margins are those of full-width text, where there is any
  const fullWidth = body.filter((l) => !l.bounds);
  const framed = fullWidth.length ? fullWidth : body;
  const left = mode(
    framed.map((l) => [l.x, 1]),
    0.5,
  );
  const prose = framed.filter((l) => l.text.split(' ').length >= 4);
  const right = columnRight(
    (prose.length ? prose : framed).map((l) => l.right),
    bodySize,
  );
  return { bodySize, pitch, left, right, justified: isJustified(body, { bodySize, pitch, left, right }) };
}

/**
 * The distance between the lines of a paragraph: the smallest gap that recurs (at least a quarter as often as
 * the most frequent one). In a document of short paragraphs the gap between paragraphs is the most frequent.
 */
function linePitch(gaps: Array<[number, number]>): number {
  const weights = histogram(gaps, 0.05);
  const most = Math.max(0, ...weights.values());
  const recurring = [...weights].filter(([, w]) => w >= 0.25 * most).map(([k]) => k);
  return recurring.length ? Math.min(...recurring) : 1.2;
}

/**
 * Justified text: most wrapped lines of prose (four words or more, the next line of the same size close below)
 * end on their column's right edge, to a tenth of the text size. In ragged text few do (in a monospaced font
 * about one in six: line ends fall on character cells).
 */
function isJustified(body: Line[], layout: Omit<Layout, 'justified'>): boolean {
  const wrapped = body.filter((l, i) => {
    const next = body[i + 1];
    return next?.frame === l.frame && l.text.split(' ').length >= 4 && l.y - next.y <= 1.3 * layout.pitch * layout.bodySize;
  });
  const flush = wrapped.filter((l) => Math.abs(rightOf(l, layout) - l.right) <= 0.1 * layout.bodySize);
  return wrapped.length >= 5 && flush.length >= 0.6 * wrapped.length;
}

/** The left and right edges of the text a line is set in: its column's, or the page's text column. */
export const leftOf = (l: Line, layout: Pick<Layout, 'left'>) => l.bounds?.left ?? layout.left;
export const rightOf = (l: Line, layout: Pick<Layout, 'right'>) => l.bounds?.right ?? layout.right;

/**
 * The furthest right edge that several lines reach: one line pushed past the
 * column by a long URL must not widen it (the widths of the others would then
 * seem to leave room for words that in fact did not fit).
 */
export function columnRight(rights: number[], size: number): number {
  const sorted = [...rights].sort((a, b) => b - a);
  for (let i = 0; i + 2 < sorted.length; i++) if (sorted[i]! - sorted[i + 2]! <= 0.5 * size) return sorted[i]!;
  return sorted[0] ?? 0;
}
