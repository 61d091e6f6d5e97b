/**
 * Where a published row was read, in the reader's terms. Extractors work with
 * lines counted over the whole file (to order and compare blocks); for a paged
 * file (PDF) a reader looks for a page and a line on it. So every published
 * position of a PDF build is one way of counting: `page`, and the line counted
 * on that page (its first line = 1, running headers and footers not counted).
 * Markdown builds keep the file's line numbers and no page.
 */
import type { DocumentModel } from '../model/document.js';
import type { Dataset } from '../model/tables.js';

/** A place in the source as a reader finds it: the page (paged files only) and the line. */
export interface Place {
  page?: number;
  line: number;
}

/** Line on its page (1 = the page's first line) of a line numbered over the whole file. */
export function lineOnPage(pageStarts: number[], line: number): { page: number; line: number } {
  let lo = 0,
    hi = pageStarts.length - 1,
    page = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pageStarts[mid]! <= line) {
      page = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { page: page + 1, line: line - pageStarts[page]! + 1 };
}

/** The place of a line numbered over the whole file. */
export const placeOf = (doc: DocumentModel, line: number): Place => (doc.pageStarts?.length ? lineOnPage(doc.pageStarts, line) : { line });

/** "page 3, line 5" (PDF) or "line 5" (text), for messages. */
export const describePlace = (p: Place) => (p.page === undefined ? `line ${p.line}` : `page ${p.page}, line ${p.line}`);

/**
 * Each localised dataset -> the dataset as the extractors counted it (whole-file lines), so QA, which
 * compares rows with the document's blocks, reads the same counting as the blocks and names pages itself.
 */
const countedOverFile = new WeakMap<Dataset, Dataset>();

/** The dataset with positions counted over the whole file, as the document's blocks count them. */
export const positionsOverFile = (dataset: Dataset): Dataset => countedOverFile.get(dataset) ?? dataset;

export function localisePositions(dataset: Dataset, doc: DocumentModel): Dataset {
  const starts = doc.pageStarts;
  if (!starts?.length) return dataset;
  const onPages = <T extends { source: Dataset['prisoners'][number]['source'] }>(r: T): T => {
    const start = lineOnPage(starts, r.source.line_start);
    const end = lineOnPage(starts, r.source.line_end);
    return { ...r, source: { ...r.source, line_start: start.line, line_end: end.line, page: start.page } };
  };
  const sections = dataset.sections.map((s) => {
    const at = lineOnPage(starts, s.line_start);
    return { ...s, line_start: at.line, page: at.page };
  });
  const mentions = dataset.mentions.map((m) => {
    const at = lineOnPage(starts, m.line);
    return { ...m, line: at.line, page: at.page };
  });
  const localised = { ...dataset, prisoners: dataset.prisoners.map(onPages), events: dataset.events.map(onPages), sections, mentions };
  countedOverFile.set(localised, dataset);
  return localised;
}
