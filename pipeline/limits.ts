/**
 * What the pipeline accepts, checked before the work each limit bounds: a
 * file's size before it is read, its lines in one pass before it is parsed,
 * the list's length before records are built. Each is far above any edition
 * of a report like this (docs/limits.md gives the
 * figures); each refusal is one line naming the file and place, exit 3.
 */
import { inputError } from './errors.js';
import { thousands } from './lib/order.js';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Any input file (a PDF carries fonts and images): checked by its size, before a byte is read. */
  fileBytes: 32 * MiB,
  /**
   * A text document: the Markdown parser's time and memory grow with it
   * (2 MiB of plain paragraphs: over 3 s of CPU; 1 MiB: about 1.5 s).
   */
  textBytes: 1 * MiB,
  /** Characters on one line of a text document. */
  lineChars: 20_000,
  /**
   * Lines of a text document: long runs of short blocks cost the parser more than linear time
   * (20,000 one-word list items: over 3 s, 430 MB).
   */
  lines: 10_000,
  /** Entries in the lists of prisoners: 100 times the report's 48 (make bench extracts 4,800 in about 3 s). */
  entries: 5_000,
  // The cost pre-pass (parse/costs.ts): constructs the Markdown parser pays for more than linearly, each 10 to 100
  // times what a report in this format needs (docs/limits.md gives the measurements behind each value).
  /** Quotes and list items open at once on a line (remark: 60 levels on every line cost over 2 GB; 19 levels 670 MB). */
  nestingDepth: 10,
  /**
   * Lines opening a nested list or quote ("1. 1. x", "- > x", an indented sub-item) in one section: each closes the
   * nested block of the line before, which micromark pays for over the whole section (3,000 such lines: 4.5 s, 250 MB;
   * 9,000 with tabs: 58 s, 0.9 GB, found by make fuzz). The report has none; nested bullet lists have tens.
   */
  nestedLines: 500,
  /** One run of `*`, `_` or `~` (emphasis and strike-through delimiters). */
  delimiterRun: 40,
  /** One run of `[` and `]`. */
  bracketRun: 20,
  /** One run of backticks (code spans and fences). */
  backtickRun: 20,
  /** Columns of a table row. */
  tableColumns: 64,
  /** Rows of one table. */
  tableRows: 2_000,
  /** Lines of one paragraph (lines that start no block of their own). */
  paragraphLines: 250,
  /** Characters of one paragraph. */
  paragraphChars: 100_000,
  /** Inline markup characters (`* _ ~ [ ] < > ! \\ & |` and backticks) in one block: each costs the parser tokens and nodes. */
  blockMarkup: 5_000,
  /** The same in the whole document: 2 MiB of tiny code spans or links cost remark 0.8 GB. */
  documentMarkup: 100_000,
  /** Pages of a PDF, checked from its page tree before any page is read. */
  pdfPages: 1_000,
  /** Text items of a PDF (runs of text as pdfjs reports them), counted as they stream in, page by page. */
  pdfTextItems: 100_000,
  /**
   * Bytes pdfjs may re-read while it rebuilds a damaged PDF's cross-reference table (when the file's startxref does not
   * lead to one): it parses each repeat of an object number ("1 0 obj" again) up to the object's end, which for an
   * unclosed string is the end of the file. So the file's size times the repeats (make fuzz: 1,184 repeats in 330 kB,
   * 390 MB re-read, 14 s; 706 in 85 kB, 60 MB, 3.5 s). A PDF whose index is where it says is not held to it: an
   * incrementally saved one repeats the objects each save rewrites.
   */
  pdfRereadBytes: 16 * MiB,
} as const;

const n = thousands;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

export function checkFileSize(bytes: number, file: string): void {
  if (bytes > LIMITS.fileBytes) {
    throw inputError(`the file is ${mb(bytes)}, over the limit of ${mb(LIMITS.fileBytes)} for any input: is this the report?`, { file });
  }
}

/** One pass over the text: its number of lines and the length of each. */
export function checkLines(text: string, file: string): void {
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const length = (end < 0 ? text.length : end) - start;
    if (length > LIMITS.lineChars) {
      throw inputError(
        `the line is ${n(length)} characters long, over the limit of ${n(LIMITS.lineChars)}: ` +
          "a document in the report's format breaks its text into lines (is this a binary or minified file?)",
        { file, line },
      );
    }
    if (end < 0) return;
    if (++line > LIMITS.lines)
      throw inputError(`more than ${n(LIMITS.lines)} lines, the limit for a text document: split it, or check it is the report`, {
        file,
        line,
      });
    start = end + 1;
  }
}

export function checkTextSize(bytes: number, file: string): void {
  if (bytes > LIMITS.textBytes) {
    throw inputError(
      `the text is ${mb(bytes)}, over the limit of ${mb(LIMITS.textBytes)} for a text document: split it, or check it is the report`,
      { file },
    );
  }
}

export function checkEntryCount(count: number, place: { file: string; line: number; page?: number }): void {
  if (count > LIMITS.entries)
    throw inputError(`more than ${n(LIMITS.entries)} list entries, the limit: check this is a report in the expected format`, place);
}

export function checkPdfPages(count: number, file: string): void {
  if (count > LIMITS.pdfPages)
    throw inputError(`the PDF has ${n(count)} pages, over the limit of ${n(LIMITS.pdfPages)}: split it, or check it is the report`, {
      file,
    });
}

/** How many repeated object headers a PDF of this size may have (see LIMITS.pdfRereadBytes). */
export const pdfRepeatsAllowed = (bytes: number) => Math.floor(LIMITS.pdfRereadBytes / Math.max(bytes, 1));

/** `repeats` counted up to one past what is allowed: the scan stops there. */
export function checkPdfRepeatedObjects(repeats: number, bytes: number, file: string): void {
  const allowed = pdfRepeatsAllowed(bytes);
  if (repeats > allowed) {
    throw inputError(
      `the PDF repeats its objects more than ${n(allowed)} times in ${mb(bytes)} (saved incrementally over and over, or damaged): ` +
        `a reader would re-read over ${mb(LIMITS.pdfRereadBytes)} of it, the limit; save a fresh copy of it`,
      { file },
    );
  }
}

export function checkPdfTextItems(count: number, place: { file: string; page: number }): void {
  if (count > LIMITS.pdfTextItems) {
    throw inputError(
      `more than ${n(LIMITS.pdfTextItems)} text items (runs of text) in the PDF, the limit: a report in this format has far fewer`,
      place,
    );
  }
}
