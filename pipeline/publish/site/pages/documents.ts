/** The pages made from the release's Markdown files: changes (DIFF and CHANGELOG), the QA report, the data dictionary. */
import type { Root } from 'mdast';
import type { SiteContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { Page } from '../layout.js';
import { markdownToHtml, mdastToHtml } from '../markdown.js';
import { dictionaryTree } from '../../dictionary.js';
import { sqliteFileOf } from '../../analytic-input.js';

/** A release's Markdown file as a page section; `tree` when the pipeline has its tree, so nothing is parsed back. */
const fileSection = (ctx: SiteContext, file: string, missing: string, tree?: () => Root): Html => {
  const bytes = ctx.files.get(file);
  return bytes
    ? html`<section class="document">
        ${tree ? mdastToHtml(tree()) : markdownToHtml(bytes.toString('utf8'))}
        <p class="muted">
          From <a href="../${file}"><code>${file}</code></a
          >.
        </p>
      </section>`
    : html`<p>${missing}</p>`;
};

export const changesPage = (ctx: SiteContext): Page => ({
  path: 'changes.html',
  title: 'Changes',
  body: html`<h1>Changes since the previous release</h1>
    ${fileSection(ctx, 'DIFF.md', 'This release has no diff: it was not built as a versioned release.')}
    <h2>Changelog</h2>
    ${fileSection(ctx, 'CHANGELOG.md', 'This release has no changelog: it was not built as a versioned release.')}`,
});

export const qaPage = (ctx: SiteContext): Page => ({
  path: 'qa.html',
  title: 'Quality report',
  body: html`<h1>Quality report</h1>
    ${fileSection(ctx, 'qa.md', 'This release has no quality report.')}`,
});

export const dictionaryPage = (ctx: SiteContext): Page => ({
  path: 'dictionary.html',
  title: 'Data dictionary',
  body: html`<h1>Data dictionary</h1>
    ${fileSection(ctx, 'data-dictionary.md', 'This release has no data dictionary.', () =>
      dictionaryTree(ctx.dataset, ctx.meta.source, sqliteFileOf(ctx.meta.pipeline.name)),
    )}`,
});
