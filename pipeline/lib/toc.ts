/** A table of contents squashed into one line: "SUMMARY ..... 5 TORTURE ..... 7 ...". */

export interface TocEntry {
  title: string;
  page: number;
}

/** Title, a dot leader (three or more dots), a page number. */
const ENTRY = /(\S.*?)\s*\.{3,}\s*(\d{1,4})(?=\s|$)/g;

/** The entries of a table of contents; [] when the text has fewer than two dot-leader entries. */
export function parseToc(text: string): TocEntry[] {
  if (!/\.{3,}\s*\d[^.]*\.{3,}\s*\d/.test(text)) return []; // cheap test first: the lazy title scan is slow on long prose
  const entries = [...text.matchAll(ENTRY)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
  return entries.length >= 2 ? entries : [];
}

/** Titles compared as the TOC and the headings may print them: case, spacing, quotes and punctuation ignored. */
export const titleKey = (title: string) =>
  title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
