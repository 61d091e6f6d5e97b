/** Read a document in any supported format into the repaired document model. */
import { extname } from 'node:path';
import { inputError } from '../errors.js';
import { checkFileSize, checkLines, checkTextSize } from '../limits.js';
import type { DocumentModel } from '../model/document.js';
import { repair } from '../repair/repair.js';
import { decodeText } from './decode.js';

export const FORMATS = ['markdown', 'pdf', 'html'] as const;
export type Format = (typeof FORMATS)[number];
export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

/** A page saved from a browser starts like this (after a byte-order mark); the report in Markdown never does. */
const HTML_PAGE = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html|head)[\s>]/i;

export function formatOf(file: string, bytes: Uint8Array): Format {
  const ext = extname(file).toLowerCase();
  if (bytes.subarray(0, 5).toString() === '%PDF-' || ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm' || HTML_PAGE.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))) return 'html';
  return 'markdown';
}

export async function readDocument(bytes: Buffer, file: string, format: Format = formatOf(file, bytes)): Promise<DocumentModel> {
  checkFileSize(bytes.length, file);
  if (format === 'pdf') {
    const { parsePdf } = await import('./pdf.js');
    const { blocks, pageStarts } = await parsePdf(bytes, file);
    return { file, blocks: repair(blocks), pageStarts };
  }
  const declared = format === 'html' ? (await import('./html/charset.js')).declaredCharset(bytes) : undefined;
  const text = decodeText(bytes, file, declared);
  // lines first: a file that is one huge line is better named by its line than by its size
  checkLines(text, file);
  checkTextSize(bytes.length, file);
  if (!text.trim()) throw inputError('the document is empty', { file, line: 1 });
  if (format === 'html') {
    const { parseHtml } = await import('./html.js');
    return { file, blocks: repair(parseHtml(text, file)) };
  }
  const { parseMarkdown } = await import('./markdown.js'); // each front end loads only its own parser
  return { file, blocks: repair(parseMarkdown(text)) };
}
