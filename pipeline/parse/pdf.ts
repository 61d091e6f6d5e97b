import { inputError } from '../errors.js';
import type { Block } from '../model/document.js';

/** PDF front end: see issue #4. */
export async function parsePdf(_bytes: Buffer, file: string): Promise<Block[]> {
  throw inputError('PDF input is not supported yet', { file });
}
