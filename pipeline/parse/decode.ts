import { inputError } from '../errors.js';

/**
 * Bytes -> text, line breaks as "\n". A byte-order mark says the encoding
 * (UTF-8, UTF-16 LE or BE) and is dropped. Without one: UTF-8; and a file
 * that is not UTF-8 and holds no UTF-8 character at all is read as
 * Windows-1252, the 8-bit encoding editors on Windows save in. A UTF-8 file
 * with bad bytes is damaged, not another encoding: it is refused with the
 * line of the first bad byte rather than read as mojibake. Binary content
 * (NUL or many control characters) is refused.
 */
export function decodeText(bytes: Uint8Array, file: string, declared?: string): string {
  const text = declared ? decodeDeclared(bytes, file, declared) : decodeBytes(bytes, file);
  const nul = text.indexOf('\0');
  if (nul >= 0)
    throw inputError('contains NUL bytes: this looks like a binary file (or UTF-16 without a byte-order mark), not a text document', {
      file,
      line: lineAt(text, nul),
    });
  const controls = controlCharacters(text);
  // a stray one is left to the text; many of them is binary content
  if (controls.count > text.length / 1000) {
    const code = text.charCodeAt(controls.first).toString(16).toUpperCase().padStart(4, '0');
    throw inputError(`contains control characters (U+${code}): this looks like a binary file, not a text document`, {
      file,
      line: lineAt(text, controls.first),
    });
  }
  return text.replace(/\r\n?/g, '\n');
}

/** C0 controls and DEL, except tab, line feed, form feed (a page break) and carriage return: how many, and the first. */
function controlCharacters(text: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) {
      if (count++ === 0) first = i;
    }
  }
  return { count, first };
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function decodeBytes(bytes: Uint8Array, file: string): string {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  const encoding = bom?.encoding ?? 'utf-8';
  try {
    // the decoder drops the byte-order mark itself
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8')
      throw inputError(`not valid ${encoding.toUpperCase()} text, although it starts with that byte-order mark`, { file, line: 1 });
    if (bom || holdsUtf8Character(bytes)) {
      throw inputError('not valid UTF-8 text: the file is damaged here (convert or re-save it as UTF-8)', {
        file,
        line: lineOfFirstInvalidByte(bytes),
      });
    }
    return decodeWindows1252(bytes);
  }
}

/** Labels browsers read as Windows-1252 (the WHATWG Encoding Standard: Latin-1 and ASCII are read so too). */
const WINDOWS_1252 = /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii|cp819|ibm819)$/i;

/**
 * A file that names its encoding (a web page's <meta charset>): a byte-order
 * mark still wins, UTF-8 is read by the rules above, any other encoding as
 * declared, and bytes that are not valid in it are refused.
 */
function decodeDeclared(bytes: Uint8Array, file: string, declared: string): string {
  const label = declared.trim().toLowerCase();
  const hasBom = BOMS.some((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (hasBom || label === 'utf-8' || label === 'utf8') return decodeBytes(bytes, file);
  if (WINDOWS_1252.test(label)) return decodeWindows1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    const message = `declares the encoding "${declared}", which is not one this program knows: re-save the file as UTF-8`;
    throw inputError(message, { file, line: 1 });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const message = `not valid ${declared} text, although it declares that encoding: the file is damaged (re-save it as UTF-8)`;
    throw inputError(message, { file, line: 1 });
  }
}

/** Windows-1252 at 0x80-0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D unassigned: kept as C1 codes); elsewhere it is Latin-1. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Node 20's TextDecoder reads "windows-1252" as Latin-1 (quotes and dashes become C1 controls), so the table is here. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(
      ...Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_80_9F.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Length of the UTF-8 sequence a lead byte starts (0: not a lead byte). */
const sequenceLength = (b: number) => (b < 0x80 ? 1 : b >= 0xf5 ? 0 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0);

/** Does the file hold at least one well-formed multi-byte UTF-8 character (so it is meant as UTF-8)? */
function holdsUtf8Character(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    const len = sequenceLength(bytes[i]!);
    if (len < 2) continue;
    try {
      decoder.decode(bytes.subarray(i, i + len));
      return true;
    } catch {
      // not a character here; look further
    }
  }
  return false;
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = sequenceLength(b);
    if (len === 0) return line;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return line;
    }
    if (b === 0x0a) line++;
    i += len;
  }
  return line;
}
