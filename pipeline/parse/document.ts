/** Read a document in any registered format (parse/formats.ts) into the repaired document model. */
import { checkFileSize } from '../limits.js';
import type { DocumentModel } from '../model/document.js';
import { repair } from '../repair/repair.js';
import { type Format, FRONT_ENDS, formatOf, type Parsed } from './formats.js';
import { readText } from './text.js';

async function parse(bytes: Buffer, file: string, format: Format): Promise<Parsed> {
  const frontEnd = FRONT_ENDS[format];
  if (!frontEnd.text) return frontEnd.load(bytes, file);
  const charset: ((b: Uint8Array) => string | undefined) | undefined = 'charset' in frontEnd ? frontEnd.charset : undefined;
  return frontEnd.load(readText(bytes, file, { declared: charset?.(bytes) }), file);
}

export async function readDocument(bytes: Buffer, file: string, format: Format = formatOf(file, bytes)): Promise<DocumentModel> {
  checkFileSize(bytes.length, file);
  const { blocks, pageStarts } = await parse(bytes, file, format);
  return pageStarts ? { file, blocks: repair(blocks), pageStarts } : { file, blocks: repair(blocks) };
}
