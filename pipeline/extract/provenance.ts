/**
 * Where a published record was read, in the reader's terms. Extractors work
 * with lines counted over the whole file (to order and compare blocks); for a
 * paged file (PDF) a reader looks for a page and a line on it, so the
 * prisoners' `source` is given as the page where the entry starts, and its
 * first and last lines counted on the page each is on.
 */
import type { DocumentModel } from '../model/document.js';
import type { Dataset } from '../model/tables.js';

/** Line on its page (1 = the page's first line) of a line numbered over the whole file. */
export function lineOnPage(pageStarts: number[], line: number): { page: number; line: number } {
  let lo = 0, hi = pageStarts.length - 1, page = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pageStarts[mid]! <= line) {
      page = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { page: page + 1, line: line - pageStarts[page]! + 1 };
}

export function localisePositions(dataset: Dataset, doc: DocumentModel): Dataset {
  const starts = doc.pageStarts;
  if (!starts?.length) return dataset;
  const onPages = <T extends { source: Dataset['prisoners'][number]['source'] }>(r: T): T => {
    const start = lineOnPage(starts, r.source.line_start);
    const end = lineOnPage(starts, r.source.line_end);
    return { ...r, source: { ...r.source, line_start: start.line, line_end: end.line, page: start.page } };
  };
  return { ...dataset, prisoners: dataset.prisoners.map(onPages), events: dataset.events.map(onPages) };
}
