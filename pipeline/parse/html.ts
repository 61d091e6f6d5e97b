/**
 * HTML front end: a web page (saved from the publisher's site, from a
 * content management system, or written by a converter) -> the same blocks
 * the Markdown and PDF front ends make. Each step is its own file under
 * html/: charset (the page's declared encoding), tree (hast helpers),
 * furniture (what is the site's, not the report's), article (where the
 * report is on the page), notes (footnote references and definitions),
 * inline (text, references, links), blocks (elements -> blocks).
 * rehype-parse (parse5) keeps every element's lines, so provenance points
 * into the HTML file.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Root } from 'hast';
import { inputError } from '../errors.js';
import type { Block } from '../model/document.js';
import { findArticle } from './html/article.js';
import { readBlocks } from './html/blocks.js';
import { indexNotes } from './html/notes.js';

export function parseHtml(source: string, file: string): Block[] {
  const root = unified().use(rehypeParse).parse(source) as Root;
  const notes = indexNotes(root);
  const blocks = readBlocks(findArticle(root, notes), notes);
  // a page of scripts, styles and furniture only: nothing a reader would see as a document
  if (blocks.length === 0) {
    throw inputError('the web page holds no text (only markup, scripts or site furniture): is this the report?', { file, line: 1 });
  }
  return blocks;
}
