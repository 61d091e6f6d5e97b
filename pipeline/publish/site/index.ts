/**
 * The release's website, site/: one renderer per page, all from the dataset
 * and the files rendered before it. Self-contained (opens from file://),
 * deterministic bytes. Loaded lazily: only a release that is written needs it.
 */
import type { Dataset } from '../../model/tables.js';
import type { ReleaseMeta, Rendered } from '../types.js';
import type { SiteContext } from './context.js';
import { type Page, renderPage } from './layout.js';
import { changesPage, dictionaryPage, qaPage } from './pages/documents.js';
import { downloadsPage } from './pages/downloads.js';
import { indexPage } from './pages/index.js';
import { personPage } from './pages/person.js';

export const SITE_DIR = 'site/';

const PAGES: ((ctx: SiteContext) => Page[])[] = [
  (ctx) => [indexPage(ctx)],
  (ctx) => ctx.dataset.prisoners.map((p) => personPage(ctx, p)),
  (ctx) => [changesPage(ctx), qaPage(ctx), dictionaryPage(ctx), downloadsPage(ctx)],
];

export function renderSite(dataset: Dataset, meta: ReleaseMeta, files: Rendered): Rendered {
  const ctx: SiteContext = { dataset, meta, files, title: `Political prisoners: release ${meta.version ?? '(unversioned)'}` };
  const pages = PAGES.flatMap((render) => render(ctx));
  return new Map(pages.map((page) => [`${SITE_DIR}${page.path}`, Buffer.from(renderPage(page, ctx.title))]));
}
