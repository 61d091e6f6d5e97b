/**
 * The checks every text front end needs, in one place: bytes decoded (binary
 * content refused; an encoding the file declares honoured), the line and size
 * limits, and an empty file refused. (The Markdown front end adds its cost
 * pre-pass, parse/costs.ts: the constructs it bounds are costly for CommonMark parsers only.)
 */
import { inputError } from '../errors.js';
import { checkLines, checkTextSize } from '../limits.js';
import { decodeText } from './decode.js';

/** declared: the encoding the file names inside itself (a web page's <meta charset>). */
export function readText(bytes: Buffer, file: string, { declared }: { declared?: string } = {}): string {
  const text = decodeText(bytes, file, declared);
  // lines first: a file that is one huge line is better named by its line than by its size
  checkLines(text, file);
  checkTextSize(bytes.length, file);
  if (!text.trim()) throw inputError('the document is empty', { file, line: 1 });
  return text;
}
