/** index.html: what the release is, headline figures, charts, and every person with search and filters. */
import type { Prisoner } from '../../../model/records/prisoners.js';
import { attributionOf, DATA_LICENSE, QUOTED_TEXT_NOTICE } from '../../licence.js';
import { renderChart } from '../charts.js';
import { listLabel, LIST_LABELS, months, personPath, type SiteContext } from '../context.js';
import { headlineFigures } from '../figures.js';
import { html, type Html, link } from '../html.js';
import { indexCharts } from '../index-charts.js';
import type { Page } from '../layout.js';
import { SEARCH_SCRIPT, searchKeys } from '../search.js';

function about({ meta }: SiteContext): Html {
  const { source, pipeline, version } = meta;
  return html`<section aria-labelledby="about">
    <h2 id="about">About this release</h2>
    <dl class="fields">
      <dt>Release</dt>
      <dd>${version ?? 'unversioned extraction'} (${pipeline.name} ${pipeline.version})</dd>
      <dt>Source</dt>
      <dd>
        ${source.url ? link(source.url, source.title ?? source.id) : (source.title ?? source.id)}
        ${source.publisher ? html`, ${source.publisher}` : ''}
      </dd>
      <dt>Source date</dt>
      <dd>${source.published_on ?? 'not given'}</dd>
      <dt>Source file</dt>
      <dd><code>${source.file}</code> (${source.format}), sha256 <span class="hash">${source.sha256}</span></dd>
      <dt>Licence</dt>
      <dd>${link(DATA_LICENSE.path, DATA_LICENSE.title)} (${DATA_LICENSE.name}). ${QUOTED_TEXT_NOTICE}</dd>
      <dt>How to cite</dt>
      <dd>Data extracted from ${attributionOf(source)}; ${pipeline.name}, release ${version ?? 'unversioned'}.</dd>
    </dl>
  </section>`;
}

function figures(ctx: SiteContext): Html {
  return html`<section aria-labelledby="figures">
    <h2 id="figures">Figures</h2>
    <ul class="figures">
      ${headlineFigures(ctx.dataset).map((f) => html`<li data-figure="${f.id}"><strong>${f.value}</strong> ${f.label}</li>`)}
    </ul>
  </section>`;
}

const personRow = (p: Prisoner) =>
  html`<tr data-list="${p.list}" data-group="${p.group ?? ''}" data-keys="${searchKeys([p.name, p.name_as_printed, ...p.aliases])}">
    <td class="num">${p.number}</td>
    <td><a href="${personPath(p.id)}">${p.name}</a></td>
    <td>${listLabel(p.list)}</td>
    <td>${p.group ?? ''}</td>
    <td>${months(p.sentence_months) ?? p.sentence_text ?? ''}</td>
    <td>${p.articles.join(', ')}</td>
    <td>${p.custody_since ?? ''}</td>
    <td>${p.convicted_on ?? ''}</td>
  </tr> `;

function people({ dataset }: SiteContext): Html {
  const groups = [...new Set(dataset.prisoners.map((p) => p.group ?? ''))];
  return html`<section aria-labelledby="people-title">
    <h2 id="people-title">People</h2>
    <div id="filters" role="search" class="controls" hidden>
      <label for="q">Search by name<input id="q" type="search" autocomplete="off" spellcheck="false" /></label>
      <label for="f-list"
        >List<select id="f-list">
          <option value="">All lists</option>
          ${Object.entries(LIST_LABELS).map(([v, l]) => html`<option value="${v}">${l}</option>`)}
        </select></label
      >
      <label for="f-group"
        >Group<select id="f-group">
          <option value="">All groups</option>
          ${groups.map((g) => html`<option value="${g}">${g || '(no group)'}</option>`)}
        </select></label
      >
      <p id="shown" role="status" aria-live="polite"></p>
    </div>
    <table id="people">
      <caption>
        Every person on the report's lists (${dataset.prisoners.length})
      </caption>
      <thead>
        <tr>
          <th scope="col">No.</th>
          <th scope="col">Name</th>
          <th scope="col">List</th>
          <th scope="col">Group</th>
          <th scope="col">Sentence</th>
          <th scope="col">Articles</th>
          <th scope="col">In custody since</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        ${dataset.prisoners.map(personRow)}
      </tbody>
    </table>
  </section>`;
}

export function indexPage(ctx: SiteContext): Page {
  const body = html`<h1>${ctx.title}</h1>
    ${about(ctx)} ${figures(ctx)}
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">Charts</h2>
      <div class="charts">${indexCharts(ctx.dataset).map(renderChart)}</div>
    </section>
    ${people(ctx)}`;
  return { path: 'index.html', title: 'People and figures', body, script: SEARCH_SCRIPT };
}
