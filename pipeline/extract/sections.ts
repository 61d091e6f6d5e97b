/**
 * Sections: every heading of the report, and every entry of its table of
 * contents (an entry whose heading a conversion lost starts at the passage
 * that opens it: see lib/toc-entries.ts). Headings between the title and the
 * first entry the table lists (a project manager, the table's own heading)
 * are front matter. The table of contents is the report's
 * own statement of its structure, so it settles levels: an entry in capitals
 * is a chapter (2), any other entry a section within one (3). A heading the
 * TOC does not list nests under the last listed one: capitals one level
 * below it, other headings one level below the last capitals heading there.
 * Without a TOC, the document model's levels stand.
 */
import { slug, uniqueIds } from '../lib/ids.js';
import { isAllCapitals } from '../lib/capitals.js';
import { titleKey, type TocEntry } from '../lib/toc.js';
import { type LocatedEntry, locatedToc, tocOf } from '../lib/toc-entries.js';
import type { DocumentModel, Heading } from '../model/document.js';
import type { Section } from '../model/records/sections.js';

interface OutlineItem {
  heading: Heading;
  toc_match: Section['toc_match'];
}

/** The headings in order, with a heading made of each entry located at a passage, just before it. */
function outline(doc: DocumentModel, located: LocatedEntry[]): OutlineItem[] {
  const byBlock = new Map(located.filter((l) => l.at !== null).map((l) => [l.at!, l]));
  return doc.blocks.flatMap((b, i): OutlineItem[] => {
    const entry = byBlock.get(i);
    if (b.kind === 'heading') return [{ heading: b, toc_match: entry ? 'heading' : null }];
    if (!entry) return [];
    const { title } = entry.entry;
    const level = isAllCapitals(title) ? 2 : 3;
    const heading: Heading = { kind: 'heading', level, text: title, refs: [], line_start: b.line_start, line_end: b.line_start };
    return [{ heading, toc_match: 'text' }];
  });
}

function settleLevels(headings: Heading[], toc: TocEntry[]): number[] {
  if (!toc.length) return headings.map((h) => h.level);
  const tocLevel = new Map(toc.map((e) => [titleKey(e.title), isAllCapitals(e.title) ? 2 : 3]));
  let listed = 1; // level of the last heading the TOC lists (the title before any)
  let capitalsBelow: number | null = null; // level of an unlisted capitals heading under it
  return headings.map((h) => {
    if (h.level === 1) return 1;
    const level = tocLevel.get(titleKey(h.text));
    if (level !== undefined) {
      listed = level;
      capitalsBelow = null;
      return level;
    }
    if (isAllCapitals(h.text)) return (capitalsBelow = listed + 1);
    return (capitalsBelow ?? listed) + 1;
  });
}

export function extractSections(doc: DocumentModel): Section[] {
  const items = outline(doc, locatedToc(doc));
  const headings = items.map((item) => item.heading);
  const toc = tocOf(doc).entries;
  const firstListed = items.findIndex((item) => item.toc_match !== null);
  const pages = new Map<string, number>();
  for (const e of toc) if (!pages.has(titleKey(e.title))) pages.set(titleKey(e.title), e.page);
  const levels = settleLevels(headings, toc);
  const ids = uniqueIds(headings.map((h) => slug(h.text) || 'section'));
  const open: Array<{ id: string; level: number }> = [];
  return headings.map((h, i) => {
    const level = levels[i]!;
    while (open.length && open.at(-1)!.level >= level) open.pop();
    const parent_id = open.at(-1)?.id ?? null;
    open.push({ id: ids[i]!, level });
    const front_matter = h.level !== 1 && i < firstListed;
    const { toc_match } = items[i]!;
    const toc_page = pages.get(titleKey(h.text)) ?? null;
    return { id: ids[i]!, title: h.text, level, parent_id, order: i + 1, toc_page, toc_match, front_matter, line_start: h.line_start };
  });
}

/** The section a line belongs to: the last heading at or before it (null before the first heading). */
export function sectionLocator(sections: Section[]): (line: number) => string | null {
  const sorted = [...sections].sort((a, b) => a.line_start - b.line_start || a.order - b.order);
  return (line) => {
    let lo = 0,
      hi = sorted.length - 1,
      found: string | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.line_start <= line) {
        found = sorted[mid]!.id;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}
