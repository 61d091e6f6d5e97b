import { inputError } from '../errors.js';

/**
 * Bytes -> text. UTF-8 (a BOM is dropped); text that is not valid UTF-8 is
 * refused with the line of the first bad byte rather than read as mojibake.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    throw inputError('not valid UTF-8 text (convert the file to UTF-8 first)', { file, line });
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) throw inputError('contains NUL bytes: this looks like a binary file, not a text document', { file, line: lineAt(text, nul) });
  return text.replace(/\r\n?/g, '\n');
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
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
