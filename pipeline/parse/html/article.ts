/**
 * The article inside a saved page, found by its content: the element holding
 * the report's list (its numbered entries), widened while the elements beside
 * it carry more of the report (headings, bold headings, footnotes, figures)
 * rather than furniture. A page with no such list is read whole (and then refused by
 * the extractors: no list of prisoners).
 */
import type { Element, Root } from 'hast';
import { ENTRY_HEAD } from '../../lib/entry.js';
import { squash } from '../../lib/text.js';
import { isBoldOnly } from './blocks.js';
import { isFurniture } from './furniture.js';
import type { NoteIndex } from './notes.js';
import { anchorNames, elements, hasBlockChild, isElement, type Parent, textOf } from './tree.js';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Ancestor paths (root first) of the elements that open a numbered entry, furniture left out. */
function entryPaths(root: Root, notes: NoteIndex): Element[][] {
  const paths: Element[][] = [];
  const visit = (parent: Parent, path: Element[]) => {
    for (const c of parent.children) {
      if (!isElement(c) || isFurniture(c, notes, false)) continue;
      const here = [...path, c];
      if (!hasBlockChild(c) && ENTRY_HEAD.test(squash(textOf(c)))) paths.push(here);
      else visit(c, here);
    }
  };
  visit(root, []);
  return paths;
}

function commonAncestors(paths: Element[][]): Element[] {
  const common: Element[] = [];
  for (let i = 0; paths.every((p) => p[i] !== undefined && p[i] === paths[0]![i]); i++) common.push(paths[0]![i]!);
  return common;
}

/** An element beside the article that is more of the report: it has headings (marked or bold), footnotes or figures. */
const isReportPart = (d: Element, notes: NoteIndex) =>
  HEADINGS.has(d.tagName) ||
  (d.tagName === 'p' && isBoldOnly(d.children)) ||
  d.tagName === 'figure' ||
  anchorNames(d).some((name) => notes.targets.has(name));
const addsContent = (e: Element, notes: NoteIndex) =>
  !isFurniture(e, notes, false) && [e, ...elements(e)].some((d) => isReportPart(d, notes));

export function findArticle(root: Root, notes: NoteIndex): Parent {
  const paths = entryPaths(root, notes);
  if (paths.length === 0) return root;
  // a lone entry's own element is no article: start from its parent
  const chain = commonAncestors(paths.length === 1 ? [paths[0]!.slice(0, -1)] : paths);
  let depth = chain.length - 1;
  while (depth > 0 && chain[depth - 1]!.tagName !== 'html') {
    const parent = chain[depth - 1]!;
    const beside = parent.children.filter((c): c is Element => isElement(c) && c !== chain[depth]);
    if (!beside.some((e) => addsContent(e, notes))) break;
    depth--;
  }
  return depth >= 0 ? chain[depth]! : root;
}
