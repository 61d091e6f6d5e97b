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
}

/** The most frequent value (rounded to `step`), weighted. */
function mode(values: Array<[number, number]>, step: number): number {
  const weights = new Map<number, number>();
  for (const [v, w] of values) {
    const k = Math.round(v / step) * step;
    weights.set(k, (weights.get(k) ?? 0) + w);
  }
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
  const pitch = mode(gaps, 0.05) || 1.2;
  // columns carry their own edges: the margins are those of full-width text, where there is any
  const fullWidth = body.filter((l) => !l.bounds);
  const framed = fullWidth.length ? fullWidth : body;
  const left = mode(
    framed.map((l) => [l.x, 1]),
    0.5,
  );
  const prose = framed.filter((l) => l.text.split(' ').length >= 4);
  return {
    bodySize,
    pitch,
    left,
    right: columnRight(
      (prose.length ? prose : framed).map((l) => l.right),
      bodySize,
    ),
  };
}

/** The left and right edges of the text a line is set in: its column's, or the page's text column. */
export const leftOf = (l: Line, layout: Layout) => l.bounds?.left ?? layout.left;
export const rightOf = (l: Line, layout: Layout) => l.bounds?.right ?? layout.right;

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
