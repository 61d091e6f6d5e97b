/**
 * A URL too long for the line runs past the text column, and a renderer may
 * cut it at the page edge: the text layer then lacks characters the page's
 * link annotation still has. Such lines (past the column's right edge, holding
 * a URL) get their link target, read from the annotations of their page only.
 */
import { type Layout, rightOf } from './layout.js';
import type { Line } from './lines.js';
import type { LoadedPdf, PdfLink } from './load.js';

const URL_TOKEN = /(?:https?:\/\/|www\.)\S+$/i;

const overlaps = (l: Line, [x1, y1, x2, y2]: PdfLink['rect']) =>
  l.y >= Math.min(y1, y2) - 0.5 * l.size && l.y <= Math.max(y1, y2) && l.x < Math.max(x1, x2) && l.right > Math.min(x1, x2);

export async function attachClippedLinks(lines: Line[], layout: Layout, pdf: LoadedPdf): Promise<void> {
  const clipped = lines.filter((l) => l.right > rightOf(l, layout) + 0.5 * l.size && URL_TOKEN.test(l.text));
  const byPage = new Map<number, Line[]>();
  for (const l of clipped) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const [page, pageLines] of byPage) {
    const links = await pdf.linksOn(page);
    for (const l of pageLines) l.link = links.find((k) => overlaps(l, k.rect))?.url;
  }
}

/** Is `part` what is left of `whole` after characters were dropped (in order)? */
function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (const ch of whole) if (ch === part[i]) i++;
  return i === part.length;
}

/**
 * The text of a block that is one URL, restored from the link target when the
 * printed URL is that target with characters cut away; otherwise as printed.
 */
export function restoreClippedUrl(text: string, lines: Line[]): string {
  const target = lines.find((l) => l.link)?.link;
  if (!target || /\s/.test(text) || text === target) return text;
  const printed = text.replace(/\\+(?=[_*#&~])/g, '').replace(/^<|>$/g, '');
  return printed.length < target.length && isSubsequence(printed, target) ? target : text;
}
