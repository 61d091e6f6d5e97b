/**
 * Footnotes as HTML editions mark them, found by how they link, not by a
 * class name: a reference is a number (`12`, `[12]`) set as a superscript or
 * as an in-page link; a note is what such a link points to (`<li id="fn12">`
 * of an endnote list, Word's `<a name="_ftn12">[12]</a>` opening a paragraph),
 * or a paragraph opening with a superscript number (as the Markdown has it).
 * Back-links from a note to its reference ("↩") are navigation, not text.
 */
import type { Element, ElementContent, Root } from 'hast';
import { anchorNames, attr, elements, fragmentOf, isBlank, isElement, textOf } from './tree.js';

/** "12", "[12]", " 12 ": the whole text of a footnote marker. */
const MARKER = /^\s*\[?\s*(\d{1,4})\s*\]?\s*$/;
/** "9,10,11" or "[13], [14]": several references in one superscript. */
const MARKERS = /^\s*\[?\d{1,4}\]?(?:\s*,\s*\[?\d{1,4}\]?)*\s*$/;

export const markerNumbers = (text: string): number[] | null =>
  MARKERS.test(text) ? text.split(',').map((t) => Number(MARKER.exec(t)![1])) : null;

export interface NoteIndex {
  /** Link target (an id or a name) -> the footnote number a marker linking there or from there carries. */
  targets: Map<string, number>;
  /** Names of the markers themselves: a link to one of them is a back-link. */
  markers: Set<string>;
}

const isMarkerLink = (e: Element) => e.tagName === 'a' && MARKER.test(textOf(e)) && (fragmentOf(e) !== null || anchorNames(e).length > 0);

export function indexNotes(root: Root): NoteIndex {
  const targets = new Map<string, number>();
  const markers = new Set<string>();
  for (const e of elements(root)) {
    if (!isMarkerLink(e)) continue;
    const n = Number(MARKER.exec(textOf(e))![1]);
    const fragment = fragmentOf(e);
    if (fragment) targets.set(fragment, n);
    for (const name of anchorNames(e)) markers.add(name);
  }
  // a superscript wrapping a marker may carry its id instead ("<sup id="fnref3"><a href="#fn3">3</a></sup>")
  for (const e of elements(root)) if (e.tagName === 'sup' && markerNumbers(textOf(e))) for (const name of anchorNames(e)) markers.add(name);
  return { targets, markers };
}

/** A link from a note back to where it is cited: skipped, its arrow is no text of the note. */
export const isBackLink = (e: Element, notes: NoteIndex) => e.tagName === 'a' && !isMarkerLink(e) && notes.markers.has(fragmentOf(e) ?? '');

/** Wrappers a marker may sit in at the start of a note (Word puts it in spans inside a link). */
const WRAPPERS = new Set(['span', 'strong', 'b', 'em', 'i', 'u', 'font', 'small']);

/**
 * The marker opening a paragraph that is a footnote: `<sup>12</sup> text`, or
 * a link marker `[12]` (Word's notes at the end). Returns the number and the
 * node to leave out of the text.
 */
export function leadingMarker(children: ElementContent[]): { n: number; node: Element } | null {
  const first = children.find((c) => !isBlank(c));
  if (!isElement(first)) return null;
  const text = textOf(first);
  if ((first.tagName === 'sup' || isMarkerLink(first)) && MARKER.test(text)) return { n: Number(MARKER.exec(text)![1]), node: first };
  return WRAPPERS.has(first.tagName) && MARKER.test(text) ? leadingMarker(first.children) : null;
}

/**
 * The number of each item of an endnote list: an `<ol>` with an item a
 * reference links to. An item takes the number of the references that link
 * to it, else the digits of its id, else its place in the list.
 */
export function endnoteNumbers(list: Element, notes: NoteIndex): number[] | null {
  const items = list.children.filter((c): c is Element => isElement(c, 'li'));
  if (!items.some((li) => notes.targets.has(attr(li, 'id')))) return null;
  const start = Number(attr(list, 'start')) || 1;
  return items.map((li, i) => notes.targets.get(attr(li, 'id')) ?? (Number(/\d+/.exec(attr(li, 'id'))?.[0]) || start + i));
}
