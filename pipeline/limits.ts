/**
 * What the pipeline accepts, checked before the work each limit bounds: a
 * file's size before it is read, its lines in one pass before it is parsed,
 * the list's length before records are built. Each is far above any edition
 * of a report like this (docs/limits.md gives the
 * figures); each refusal is one line naming the file and place, exit 3.
 */
import { inputError } from './errors.js';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Any input file (a PDF carries fonts and images): checked by its size, before a byte is read. */
  fileBytes: 32 * MiB,
  /** A text document: the Markdown parser's time and memory grow with it (a 1 MB document of paragraphs: about 3 s and 240 MB). */
  textBytes: 2 * MiB,
  /** Characters on one line of a text document. */
  lineChars: 20_000,
  /** Lines of a text document: long runs of short blocks cost the parser more than linear time. */
  lines: 20_000,
  /** Entries in the lists of prisoners: 100 times the report's 48 (make bench extracts 4,800 in about 3 s). */
  entries: 5_000,
} as const;

const n = (x: number) => x.toLocaleString('en-US');
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
      throw inputError(`the line is ${n(length)} characters long, over the limit of ${n(LIMITS.lineChars)}: a document in the report's format breaks its text into lines (is this a binary or minified file?)`, { file, line });
    }
    if (end < 0) return;
    if (++line > LIMITS.lines) throw inputError(`more than ${n(LIMITS.lines)} lines, the limit for a text document: split it, or check it is the report`, { file, line });
    start = end + 1;
  }
}

export function checkTextSize(bytes: number, file: string): void {
  if (bytes > LIMITS.textBytes) {
    throw inputError(`the text is ${mb(bytes)}, over the limit of ${mb(LIMITS.textBytes)} for a text document: split it, or check it is the report`, { file });
  }
}

export function checkEntryCount(count: number, place: { file: string; line: number; page?: number }): void {
  if (count > LIMITS.entries) throw inputError(`more than ${n(LIMITS.entries)} list entries, the limit: check this is a report in the expected format`, place);
}
