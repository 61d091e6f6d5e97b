/**
 * The PDF's cost pre-pass, before pdfjs opens the file: when a file's index (its cross-reference table) is damaged,
 * pdfjs rebuilds it by scanning the file and re-parses every repeat of an object number up to the object's end,
 * which for an unclosed string is the end of the file. One scan of the bytes counts the repeats, and a file whose
 * index pdfjs would rebuild is refused past LIMITS.pdfRereadBytes (docs/limits.md).
 */
import { checkPdfRepeatedObjects, pdfRepeatsAllowed } from '../../limits.js';

/** The bytes as a Buffer, without a copy. */
const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

/** The offset the last `startxref` gives, if the file ends with one. */
function startXref(buffer: Buffer): number | null {
  const tail = buffer.toString('latin1', Math.max(0, buffer.length - 1024));
  const offset = Number(/startxref\s+(\d+)\s+%%EOF(?![\s\S]*startxref)/.exec(tail)?.[1] ?? Number.NaN);
  return Number.isSafeInteger(offset) && offset < buffer.length ? offset : null;
}

/** Where checking a file's index stops (and the file is treated as one pdfjs rebuilds): bounded work for any input. */
const INDEX_CHECK = { sections: 64, entries: 200_000 };
const OBJECT_AT = /^\s*(\d+)\s+(\d+)\s+obj\b/;

/**
 * Whether pdfjs will read the file's own index rather than rebuild it by scanning the file: its startxref, and each
 * /Prev before it, leads to a cross-reference table whose entries each point at their object's header, or to a
 * cross-reference stream (compressed: taken as it is). A file shifted or cut by damage fails this; so does one past
 * INDEX_CHECK, which the repeated-objects limit then judges.
 */
export function indexFound(bytes: Uint8Array): boolean {
  const buffer = view(bytes);
  const seen = new Set<number>();
  let entries = 0;
  let offset = startXref(buffer);
  if (offset === null) return false;
  while (offset !== null) {
    if (seen.has(offset) || seen.size >= INDEX_CHECK.sections) return false;
    seen.add(offset);
    const head = buffer.toString('latin1', offset, offset + 1024);
    if (/^\s*\d+\s+\d+\s+obj\s*<<[\s\S]*?\/Type\s*\/XRef\b/.test(head)) return true;
    const table = /^\s*xref\s+/.exec(head);
    const end = table ? buffer.indexOf('trailer', offset) : -1;
    if (end < 0) return false;
    let number = 0;
    for (const row of buffer.toString('latin1', offset + table![0].length, end).split(/\r\n|\r|\n/)) {
      const section = /^(\d+) \d+\s*$/.exec(row);
      const entry = /^(\d{10}) (\d{5}) ([nf])\s*$/.exec(row);
      if (section) number = Number(section[1]);
      else if (!entry) {
        if (row.trim()) return false;
      } else if (++entries > INDEX_CHECK.entries) return false;
      else if (entry[3] === 'f') number++;
      else {
        const at = OBJECT_AT.exec(buffer.toString('latin1', Number(entry[1]), Number(entry[1]) + 40));
        if (!at || Number(at[1]) !== number++ || Number(at[2]) !== Number(entry[2])) return false;
      }
    }
    const prev = /\/Prev\s+(\d+)/.exec(buffer.toString('latin1', end, end + 1024).split('startxref')[0]!);
    offset = prev ? Number(prev[1]) : null;
  }
  return true;
}

/** An object's header, "12 0 obj": the object number and generation, as pdfjs finds them when it rebuilds a file's index. */
const OBJECT_HEADER = /(?<![0-9])(\d+)\s+(\d+)\s+obj(?![A-Za-z])/g;

/** Headers of objects whose number and generation came before (what pdfjs re-parses in a damaged file), up to `most`. */
export function repeatedObjects(bytes: Uint8Array, most: number): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const [, number, generation] of view(bytes).toString('latin1').matchAll(OBJECT_HEADER)) {
    const key = `${number} ${generation}`;
    if (!seen.has(key)) seen.add(key);
    else if (++repeats >= most) break;
  }
  return repeats;
}

/** Refuse a file whose index pdfjs would rebuild at a cost past the limit; the scan stops one past what is allowed. */
export function checkIndexRebuild(bytes: Uint8Array, file: string): void {
  if (indexFound(bytes)) return;
  checkPdfRepeatedObjects(repeatedObjects(bytes, pdfRepeatsAllowed(bytes.length) + 1), bytes.length, file);
}
