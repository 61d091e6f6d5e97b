/**
 * The document model: what every front end (Markdown, PDF) produces and every
 * extractor reads. It knows nothing of Markdown or PDF syntax.
 */

/** Where a block came from. `page` is set by front ends that know pages. */
export interface Span {
  line_start: number;
  line_end: number;
  page?: number;
}

/** A footnote reference: footnote `n`, cited at character offset `at` of the block's text. */
export interface Ref {
  n: number;
  at: number;
}

interface BlockBase extends Span {
  /** Plain text: markup and footnote markers removed, whitespace collapsed. */
  text: string;
  refs: Ref[];
}

export interface Heading extends BlockBase {
  kind: 'heading';
  level: number;
}
export interface Paragraph extends BlockBase {
  kind: 'paragraph';
}
export interface ListEntry extends BlockBase {
  kind: 'list_item';
}
export interface Caption extends BlockBase {
  kind: 'caption';
}
export interface Footnote extends BlockBase {
  kind: 'footnote';
  number: number;
  /** Link targets the front end knows beyond the visible text (Markdown links). */
  links: string[];
}

export type Block = Heading | Paragraph | ListEntry | Caption | Footnote;
export type BodyBlock = Paragraph | ListEntry;

export interface DocumentModel {
  /** The file the model was read from, for messages and provenance. */
  file: string;
  blocks: Block[];
  /**
   * Paged formats (PDF): the line number of each page's first line (index 0 =
   * page 1). Block lines count over the whole file, so extractors can order and
   * compare them; published records give the line within the page instead.
   */
  pageStarts?: number[];
}

export const isBody = (b: Block): b is BodyBlock => b.kind === 'paragraph' || b.kind === 'list_item';
