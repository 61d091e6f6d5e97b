/**
 * The checks every text front end needs, in one place: bytes decoded (binary
 * content refused; an encoding the file declares honoured), the line and size
 * limits, an empty file refused, and the cost pre-pass (costly constructs
 * refused before a parser pays for them).
 */
import { inputError } from '../errors.js';
import { checkLines, checkTextSize } from '../limits.js';
import { checkCosts } from './costs.js';
import { decodeText } from './decode.js';

/** declared: the encoding the file names; costs: false for a front end whose parser is linear (the pre-pass bounds remark's). */
export function readText(bytes: Buffer, file: string, { declared, costs = true }: { declared?: string; costs?: boolean } = {}): string {
  const text = decodeText(bytes, file, declared);
  // lines first: a file that is one huge line is better named by its line than by its size
  checkLines(text, file);
  checkTextSize(bytes.length, file);
  if (!text.trim()) throw inputError('the document is empty', { file, line: 1 });
  if (costs) checkCosts(text, file);
  return text;
}
