/**
 * Running headers, running footers and page numbers: lines at the top or foot
 * of a page that come back, at the same height, on many pages. They are found
 * by that repetition (digits ignored, so "Page 3 of 23" repeats as "page # of
 * #"), never by their wording or by the page's size or margins.
 */
import type { Line } from './lines.js';

/** How many lines at each edge of a page may be furniture (a header can have two lines). */
const EDGE = 3;

const key = (l: Line) => `${l.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')}@${Math.round(l.y / 4)}`;

function edges(lines: Line[]): Line[] {
  return lines.length <= 2 * EDGE ? lines : [...lines.slice(0, EDGE), ...lines.slice(-EDGE)];
}

/** Keys repeated on at least half the pages (and on two at least), their numbers running as furniture's do. */
function repeatedKeys(pages: Line[][]): Set<string> {
  const seen = new Map<string, Array<{ page: number; numbers: number[] }>>();
  pages.forEach((lines, page) => {
    for (const l of edges(lines)) {
      const k = key(l);
      const at = seen.get(k) ?? [];
      if (at.at(-1)?.page !== page) at.push({ page, numbers: (l.text.match(/\d+/g) ?? []).map(Number) });
      seen.set(k, at);
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...seen].filter(([, at]) => at.length >= needed && numbersRun(at)).map(([k]) => k));
}

/**
 * The numbers of a running header or footer are fixed (a year) or the page's number (printed with an offset,
 * perhaps): each stays the same, or keeps its distance to the page. The numbers of two footnotes that happen to
 * end two feet at the same height with the same text ("1 https://…", "5 https://…") do neither.
 */
function numbersRun(at: Array<{ page: number; numbers: number[] }>): boolean {
  return at[0]!.numbers.every((first, g) => {
    const fixed = at.every((o) => o.numbers[g] === first);
    const paged = at.every((o) => o.numbers[g]! - o.page === first - at[0]!.page);
    return fixed || paged;
  });
}

/**
 * A page number where repetition cannot show it (a one-page file): an edge
 * line that is the page's own number, bare or in a short frame ("Page 3",
 * "3 / 9", "Page 3 of 9", "- 3 -").
 */
const PAGE_NUMBER = /^[-–—\s]*(?:\p{L}{1,5}\.?\s+)?(\d+)(?:\s*(?:\/|\p{L}{1,5})\s*\d+)?[-–—\s]*$/u;
const isOwnPageNumber = (line: Line, page: number) => Number(PAGE_NUMBER.exec(line.text)?.[1]) === page;

/** Each page's lines without its furniture: removed from the edges inwards, stopping at the first body line. */
export function removeFurniture(pages: Line[][]): Line[][] {
  const ranges = bodyRanges(pages);
  return pages.map((lines, i) => lines.slice(...ranges[i]!));
}

/** Each page's body: the [start, end) of its lines between the furniture at its top and at its foot. */
export function bodyRanges(pages: Line[][]): Array<[number, number]> {
  const furniture = repeatedKeys(pages);
  return pages.map((lines, i): [number, number] => {
    // the page's own number only as the page's very first or last line: a footnote marker may stand alone too
    const isFurniture = (at: number) =>
      furniture.has(key(lines[at]!)) || ((at === 0 || at === lines.length - 1) && isOwnPageNumber(lines[at]!, i + 1));
    let start = 0;
    let end = lines.length;
    while (start < end && start < EDGE && isFurniture(start)) start++;
    while (end > start && lines.length - end < EDGE && isFurniture(end - 1)) end--;
    return [start, end];
  });
}
