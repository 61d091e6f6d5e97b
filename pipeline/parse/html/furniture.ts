/**
 * What a saved page holds around the report: site header, menus, cookie
 * banners, scripts, share buttons, breadcrumbs, "read also" sidebars,
 * footers. They are told by what HTML says an element is (its tag, its ARIA
 * role, hidden) or by what it is made of (mostly links; a widget with
 * buttons), never by the class names of one site.
 */
import type { Element } from 'hast';
import { markerNumbers, type NoteIndex } from './notes.js';
import { attr, elements, NO_TEXT, textOf } from './tree.js';

const CONTROLS = ['form', 'button', 'select', 'input', 'textarea'];

const FURNITURE_TAGS = new Set(['header', 'nav', 'footer', 'aside', 'dialog', 'menu', ...CONTROLS]);
/** An article's own header and footer (its title, its date) belong to it. */
const ARTICLE_PARTS = new Set(['header', 'footer']);
const FURNITURE_ROLES = new Set([
  'banner',
  'navigation',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
  'menu',
  'menubar',
  'toolbar',
]);
/** Elements that may be furniture by what they are made of; a paragraph or heading is always read. */
const CONTAINERS = new Set(['div', 'section', 'ul', 'ol', 'span', 'p', 'table']);

const isHidden = (e: Element) =>
  e.properties.hidden !== undefined ||
  attr(e, 'ariaHidden') === 'true' ||
  /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(e, 'style'));

const squashedLength = (s: string) => s.replace(/\s+/g, '').length;

/** Share buttons, breadcrumbs, menus, "read also" lists: two links or more, and the links are nearly all the text. */
function isLinkList(e: Element): boolean {
  const links = [...elements(e)].filter((d) => d.tagName === 'a' && !markerNumbers(textOf(d)));
  if (links.length < 2 || e.tagName === 'p') return false;
  const all = squashedLength(textOf(e));
  const linked = links.reduce((sum, a) => sum + squashedLength(textOf(a)), 0);
  return linked >= 0.7 * all && !/\.{3,}\s*\d/.test(textOf(e)); // a table of contents made of links is the report's
}

/** A cookie banner or a subscription box: a short text with buttons or fields. */
const isWidget = (e: Element) => [...elements(e)].some((d) => CONTROLS.includes(d.tagName)) && squashedLength(textOf(e)) < 600;

/** Footnotes and the notes they point to are the report's, however many links they hold. */
const isNotePart = (d: Element, notes: NoteIndex) =>
  notes.targets.has(attr(d, 'id')) || ((d.tagName === 'sup' || d.tagName === 'a') && markerNumbers(textOf(d)) !== null);
const holdsNotes = (e: Element, notes: NoteIndex) => [...elements(e)].some((d) => isNotePart(d, notes));

export function isFurniture(e: Element, notes: NoteIndex, inArticle: boolean): boolean {
  if (NO_TEXT.has(e.tagName) || isHidden(e) || FURNITURE_ROLES.has(attr(e, 'role'))) return true;
  if (FURNITURE_TAGS.has(e.tagName)) return !(inArticle && ARTICLE_PARTS.has(e.tagName));
  return CONTAINERS.has(e.tagName) && (isLinkList(e) || isWidget(e)) && !holdsNotes(e, notes);
}
