/**
 * The release's Markdown files (DIFF.md, CHANGELOG.md, qa.md, the data
 * dictionary) as HTML: mdast -> hast -> HTML, which escapes text itself; raw
 * HTML in the Markdown is dropped, and links keep only web, in-page and
 * release-relative targets (a javascript: link becomes text).
 */
import type { Element, Nodes, Root } from 'hast';
import type { Root as MdRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { parseGfm } from '../../lib/gfm.js';
import { type Html, trusted, webUrl } from './html.js';

/** A link target the site may keep, seen from site/ (a release file "qa.json" is "../qa.json"); null drops it. */
function siteHref(href: string): string | null {
  if (webUrl(href) || href.startsWith('#')) return href;
  if (/^[a-z][a-z0-9+.-]*:|^\/|^\\/i.test(href)) return null;
  return `../${href}`;
}

function sanitise(node: Nodes): void {
  if (node.type === 'element') fixElement(node);
  if ('children' in node) node.children = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'img'));
  if ('children' in node) for (const child of node.children) sanitise(child);
}

function fixElement(el: Element): void {
  if (el.tagName !== 'a') return;
  const href = typeof el.properties.href === 'string' ? siteHref(el.properties.href) : null;
  if (href === null) delete el.properties.href;
  else el.properties.href = href;
}

/** Headings shift down one level: the page's own title is the h1. */
function demoteHeadings(node: Nodes): void {
  if (node.type === 'element' && /^h[1-5]$/.test(node.tagName)) node.tagName = `h${Number(node.tagName[1]) + 1}`;
  if ('children' in node) for (const child of node.children) demoteHeadings(child);
}

export function markdownToHtml(markdown: string): Html {
  return mdastToHtml(parseGfm(markdown));
}

/** A Markdown tree the pipeline built (the data dictionary) as HTML, sanitised like parsed Markdown. */
export function mdastToHtml(tree: MdRoot): Html {
  const hast = toHast(tree) as Root;
  sanitise(hast);
  demoteHeadings(hast);
  return trusted(toHtml(hast));
}
