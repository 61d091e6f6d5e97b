/** Small questions about hast nodes that every step of the HTML front end asks. */
import type { Element, ElementContent, Nodes, Root } from 'hast';

export type Parent = Root | Element;

export const isElement = (n: Nodes | undefined, ...tags: string[]): n is Element =>
  n?.type === 'element' && (tags.length === 0 || tags.includes(n.tagName));

/** The text a reader sees in a subtree (scripts and styles hold none). */
export function textOf(n: Nodes): string {
  if (n.type === 'text') return n.value;
  if (n.type !== 'element' && n.type !== 'root') return '';
  if (n.type === 'element' && NO_TEXT.has(n.tagName)) return '';
  return n.children.map((c) => textOf(c)).join('');
}

/** Elements whose content is never text of a page. */
export const NO_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'canvas']);

/** Every element of a subtree, depth first, in document order. */
export function* elements(n: Parent): Generator<Element> {
  for (const c of n.children) {
    if (c.type !== 'element') continue;
    yield c;
    yield* elements(c);
  }
}

/** An attribute as a string ("" when absent); hast keeps class names and some others as lists. */
export function attr(e: Element, name: string): string {
  const v = e.properties[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null || v === false ? '' : String(v);
}

/** The fragment an in-page link points to ("#fn12" -> "fn12"), or null for any other link. */
export const fragmentOf = (e: Element) => (/^#./.test(attr(e, 'href')) ? decodeURIComponent(attr(e, 'href').slice(1)) : null);

/** Names an element can be the target of a link by: its id and, in older pages (Word), `<a name>`. */
export const anchorNames = (e: Element) => [attr(e, 'id'), e.tagName === 'a' ? attr(e, 'name') : ''].filter(Boolean);

export const lineSpan = (n: { position?: { start: { line: number }; end: { line: number } } }) => ({
  line_start: n.position?.start.line ?? 1,
  line_end: n.position?.end.line ?? n.position?.start.line ?? 1,
});

/** Block-level tags: an element with one of them inside is a container, not a paragraph. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export const hasBlockChild = (e: Parent) => e.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.tagName));

export const isBlank = (c: ElementContent) => c.type === 'comment' || (c.type === 'text' && !c.value.trim());
