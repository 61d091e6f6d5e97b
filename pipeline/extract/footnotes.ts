import type { DocumentModel, Footnote } from '../model/document.js';
import { footnoteUrls } from '../lib/urls.js';

/** Footnote definitions by number; the first definition of a number wins. */
export function footnotesByNumber(doc: DocumentModel): Map<number, Footnote> {
  const map = new Map<number, Footnote>();
  for (const b of doc.blocks) if (b.kind === 'footnote' && !map.has(b.number)) map.set(b.number, b);
  return map;
}

export const urlsOf = (f: Footnote) => footnoteUrls(f.text, f.links);
