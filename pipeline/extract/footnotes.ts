import { domainOf, footnoteUrls } from '../lib/urls.js';
import type { DocumentModel, Footnote } from '../model/document.js';
import type { FootnoteRow } from '../model/records/footnotes.js';
import type { Prisoner } from '../model/records/prisoners.js';

/** Footnote definitions by number; the first definition of a number wins. */
export function footnotesByNumber(doc: DocumentModel): Map<number, Footnote> {
  const map = new Map<number, Footnote>();
  for (const b of doc.blocks) if (b.kind === 'footnote' && !map.has(b.number)) map.set(b.number, b);
  return map;
}

export const urlsOf = (f: Footnote) => footnoteUrls(f.text, f.links);

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
