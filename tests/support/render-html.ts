/**
 * Test-side renderer: a document model -> the HTML forms the report's web
 * editions take, so the tests can check that the HTML front end reads each of
 * them as the Markdown is read:
 * - cms: a page saved from a content management system, with a site header,
 *   menus, a cookie banner, breadcrumbs, share buttons, a "read also" sidebar,
 *   a footer and scripts around the article, and Word-style `[12]` notes
 *   gathered at the end of the article;
 * - endnotes: references as `<sup><a href="#fn12">12</a></sup>`, the notes an
 *   `<ol>` of `<li id="fn12">` with back-links (as remark-rehype writes them);
 * - notes-in-text: `<sup>12</sup>` numbers, each note a paragraph where the
 *   Markdown has it (a page break of the PDF left it inside the text);
 * - bold-headings: every heading a `<p><strong>` (as a word processor saves
 *   it), the title set larger by an inline style; notes in the text.
 * The end-note forms are rendered from the repaired model (a web page has no
 * page breaks to split paragraphs), the in-text forms from the front end's raw
 * blocks, so the HTML front end has to rejoin what the notes interrupt.
 */
import type { Block, Footnote } from '../../pipeline/model/document.js';
import { parseMarkdown } from '../../pipeline/parse/markdown.js';
import { modelOf } from '../helpers.js';

export type HtmlForm = 'cms' | 'endnotes' | 'notes-in-text' | 'bold-headings';
export const HTML_FORMS: HtmlForm[] = ['cms', 'endnotes', 'notes-in-text', 'bold-headings'];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type RefStyle = (n: number, k: number) => string;

const REF_STYLES: Record<HtmlForm, RefStyle> = {
  cms: (n) => `<a href="#_ftn${n}" name="_ftnref${n}" title=""><span class="MsoFootnoteReference">[${n}]</span></a>`,
  endnotes: (n, k) => `<sup><a href="#fn${n}" id="fnref${n}${k ? `-${k}` : ''}" role="doc-noteref">${n}</a></sup>`,
  'notes-in-text': (n) => `<sup>${n}</sup>`,
  'bold-headings': (n) => `<sup>${n}</sup>`,
};

/** A block's text with its references put back where they were cited; several at one place share one superscript. */
function inline(b: Block, form: HtmlForm, cited: Map<number, number>): string {
  const at = new Map<number, number[]>();
  for (const r of b.refs) at.set(r.at, [...(at.get(r.at) ?? []), r.n]);
  let out = '';
  for (let i = 0; i <= b.text.length; i++) {
    const ns = at.get(i);
    if (ns) {
      const marks = ns.map((n) => REF_STYLES[form](n, (cited.set(n, (cited.get(n) ?? 0) + 1), cited.get(n)! - 1)));
      out += form === 'notes-in-text' || form === 'bold-headings' ? `<sup>${ns.join(', ')}</sup>` : marks.join('');
    }
    if (i < b.text.length) out += escapeHtml(b.text[i]!);
  }
  return out;
}

/** A note's text with its URLs as links, to the targets the model keeps (a converter may print a URL differently). */
function withLinks(text: string, links: string[]): string {
  const pending = [...links];
  const linked = text.replace(/(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;)]/g, (url) => {
    const href = pending.shift() ?? url.replace(/&amp;/g, '&');
    return `<a href="${href.replace(/"/g, '&quot;')}">${url}</a>`;
  });
  return linked + pending.map((href) => `<a href="${escapeHtml(href)}"></a>`).join('');
}

const noteText = (f: Footnote, form: HtmlForm, cited: Map<number, number>) => withLinks(inline(f, form, cited), f.links);

function headingHtml(b: Extract<Block, { kind: 'heading' }>, form: HtmlForm, cited: Map<number, number>): string {
  const text = inline(b, form, cited);
  if (b.level === 0 || (form === 'bold-headings' && b.level > 1)) return `<p><strong>${text}</strong></p>`;
  if (form === 'bold-headings') return `<p class="Title" style="font-size:20.0pt"><b><span>${text}</span></b></p>`;
  return `<h${b.level}>${text}</h${b.level}>`;
}

function bodyHtml(blocks: Block[], form: HtmlForm, cited: Map<number, number>): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    const next = blocks[i + 1];
    if (b.kind === 'list_item') {
      if (previous?.kind !== 'list_item') out.push('<ul>');
      out.push(`  <li>${inline(b, form, cited)}</li>`);
      if (next?.kind !== 'list_item') out.push('</ul>');
    } else if (b.kind === 'heading') out.push(headingHtml(b, form, cited));
    else if (b.kind === 'caption') out.push(`<figure><img src="logo.png" alt=""><figcaption>${escapeHtml(b.text)}</figcaption></figure>`);
    else if (b.kind === 'paragraph') out.push(`<p>${inline(b, form, cited)}</p>`);
    else if (form === 'notes-in-text' || form === 'bold-headings') {
      out.push(`<p class="footnote"><sup>${b.number}</sup> ${noteText(b, form, cited)}</p>`);
    }
  });
  return out;
}

function notesHtml(notes: Footnote[], form: HtmlForm, cited: Map<number, number>): string[] {
  if (form === 'cms') {
    return [
      '<div style="mso-element:footnote-list"><hr align="left" size="1" width="33%">',
      ...notes.map(
        (f) =>
          `<div id="ftn${f.number}"><p class="MsoFootnoteText">` +
          `<a href="#_ftnref${f.number}" name="_ftn${f.number}" title="">` +
          `<span class="MsoFootnoteReference">[${f.number}]</span></a> ${noteText(f, form, cited)}</p></div>`,
      ),
      '</div>',
    ];
  }
  if (form !== 'endnotes') return [];
  return [
    '<section class="footnotes" data-footnotes><h2 class="sr-only" hidden>Footnotes</h2><ol>',
    ...notes.map((f) => `<li id="fn${f.number}"><p>${noteText(f, form, cited)}${cited.has(f.number) ? backLink(f.number) : ''}</p></li>`),
    '</ol></section>',
  ];
}

const backLink = (n: number) => ` <a href="#fnref${n}" data-footnote-backref aria-label="Back to reference ${n}">↩</a>`;

const FURNITURE_BEFORE = [
  '<div class="site-header"><a href="/"><img src="/logo.svg" alt="">Example Foundation</a>',
  '  <div class="menu"><a href="/about">About us</a> <a href="/reports">Reports</a> <a href="/news">News</a>',
  '    <a href="/contact">Contact</a></div></div>',
  '<div id="cookie-consent"><p>We use cookies to make this site work and to measure visits.</p>',
  '  <button type="button">Accept all</button></div>',
  '<nav aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/reports">Reports</a></li><li>A report</li></ol></nav>',
];
const SHARE = [
  '<div class="share-buttons"><a href="https://www.facebook.com/sharer.php?u=x">Facebook</a>',
  '  <a href="https://x.com/intent/post?u=x">X</a> <a href="mailto:?subject=x">E-mail</a></div>',
];
const FURNITURE_AFTER = [
  '<div class="sidebar"><h3>Read also</h3><ul><li><a href="/a/1">Another year of arrests in a distant land</a></li>',
  '  <li><a href="/a/2">Statement on a trial of invented activists</a></li></ul></div>',
  '<footer><p>© 2025 Example Foundation. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>',
  '<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag("js", 1);</script>',
];

/**
 * The model as a page of the given form. `blocks` are the repaired model's for
 * the end-note forms, the raw front-end blocks for the in-text forms.
 */
export function renderHtml(blocks: Block[], form: HtmlForm): string {
  const cited = new Map<number, number>();
  const endNotes = form === 'cms' || form === 'endnotes';
  const body = bodyHtml(endNotes ? blocks.filter((b) => b.kind !== 'footnote') : blocks, form, cited);
  const notes = notesHtml(
    blocks.filter((b): b is Footnote => b.kind === 'footnote'),
    form,
    cited,
  );
  const head =
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A report</title>\n' +
    '<style>.sr-only{position:absolute}</style>\n<script src="/analytics.js"></script>\n</head>\n<body>';
  if (form !== 'cms') return [head, ...body, ...notes, '</body>', '</html>', ''].join('\n');
  const article = ['<article>', '<div class="entry-content">', ...body, '</div>', ...SHARE, ...notes, '</article>'];
  return [head, ...FURNITURE_BEFORE, '<main>', ...article, '</main>', ...FURNITURE_AFTER, '</body>', '</html>', ''].join('\n');
}

/** A Markdown document as a page of a form: end-note forms from the repaired model, in-text forms from the raw blocks. */
export const pageOf = (markdown: string, name: string, form: HtmlForm) =>
  renderHtml(form === 'cms' || form === 'endnotes' ? modelOf(markdown, name).blocks : parseMarkdown(markdown), form);
