/** Read a document in any supported format into the repaired document model. */
import { extname } from 'node:path';
import { inputError } from '../errors.js';
import { checkFileSize, checkLines, checkTextSize } from '../limits.js';
import type { DocumentModel } from '../model/document.js';
import { repair } from '../repair/repair.js';
import { checkCosts } from './costs.js';
import { decodeText } from './decode.js';

export type Format = 'markdown' | 'pdf';

/** A page saved from a browser starts like this; the report in Markdown never does. */
const HTML_PAGE = /^\s*<(?:!doctype\s+html|html)[\s>]/i;

export function formatOf(file: string, bytes: Uint8Array): Format {
  if (bytes.subarray(0, 5).toString() === '%PDF-' || extname(file).toLowerCase() === '.pdf') return 'pdf';
  return 'markdown';
}

export async function readDocument(bytes: Buffer, file: string, format: Format = formatOf(file, bytes)): Promise<DocumentModel> {
  checkFileSize(bytes.length, file);
  if (format === 'pdf') {
    const { parsePdf } = await import('./pdf.js');
    const { blocks, pageStarts } = await parsePdf(bytes, file);
    return { file, blocks: repair(blocks), pageStarts };
  }
  const text = decodeText(bytes, file);
  // lines first: a file that is one huge line is better named by its line than by its size
  checkLines(text, file);
  checkTextSize(bytes.length, file);
  if (!text.trim()) throw inputError('the document is empty', { file, line: 1 });
  if (HTML_PAGE.test(text)) throw inputError('this is a web page (HTML), not the report: use the report\'s PDF or its Markdown conversion', { file, line: 1 });
  checkCosts(text, file); // before the parser pays for a costly construct
  const { parseMarkdown } = await import('./markdown.js'); // each front end loads only its own parser
  return { file, blocks: repair(parseMarkdown(text)) };
}
