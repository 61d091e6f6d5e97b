/**
 * The frame of every page: language, Content-Security-Policy, the style sheet
 * inline (nothing is fetched: the site opens from file:// and offline), the
 * navigation. A page's script is inline too and allowed by its hash alone.
 */
import { sha256Base64 } from '../../lib/hash.js';
import { html, type Html, trusted } from './html.js';
import { STYLE } from './style.js';

export interface Page {
  /** Path inside site/ ("index.html", "people/<id>.html"). */
  path: string;
  title: string;
  body: Html;
  /** Inline script text, if the page has one (the list's search). */
  script?: string;
}

/** "../" for each folder the page is in, so links work from file:// and any host path. */
export const rootOf = (path: string) => '../'.repeat(path.split('/').length - 1);

const NAV = [
  ['index.html', 'People and figures'],
  ['changes.html', 'Changes'],
  ['qa.html', 'Quality report'],
  ['dictionary.html', 'Data dictionary'],
  ['downloads.html', 'Downloads'],
] as const;

/** No request may leave the page: no default source, inline style, the one inline script by hash, images only as data. */
const csp = (script?: string) =>
  [
    "default-src 'none'",
    "style-src 'unsafe-inline'", // the chart library writes style attributes into its SVG
    'img-src data:',
    script ? `script-src 'sha256-${sha256Base64(script)}'` : "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

export function renderPage(page: Page, siteTitle: string): string {
  const root = rootOf(page.path);
  const current = (href: string) => (href === page.path ? trusted(' aria-current="page"') : '');
  const nav = NAV.map(([href, label]) => html`<li><a href="${root}${href}"${current(href)}>${label}</a></li>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(page.script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title} · ${siteTitle}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header><p class="site">${siteTitle}</p><nav aria-label="Pages of the release"><ul>${nav}</ul></nav></header>
<main id="main">
${page.body}
</main>
<footer><p>Built by the kzpp pipeline from the report's text; every fact links back to its place in the report.</p></footer>
${page.script ? html`<script>${trusted(page.script)}</script>\n` : ''}</body>
</html>
`.text;
}
