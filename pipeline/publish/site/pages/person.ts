/**
 * people/<id>.html: every field of one person, charges with labels, the
 * timeline (events when the dataset has them, else the dates of the entry),
 * where in the report, footnoted sources as links, other mentions, and what
 * changed for the person in this release.
 */
import * as Plot from '@observablehq/plot';
import type { Prisoner } from '../../../model/records/prisoners.js';
import { renderChart } from '../charts.js';
import { dateOf, listLabel, months, optionalTable, type Row, type SiteContext } from '../context.js';
import { html, type Html, link, type Part, table } from '../html.js';
import type { Page } from '../layout.js';
import { byText } from '../../../lib/order.js';
import { firstBy, groupBy } from '../../../lib/group.js';
import type { Dataset } from '../../../model/tables.js';
import type { Rendered } from '../../types.js';

interface TimelineEntry {
  date: string;
  kind: string;
  text: string;
  footnotes: number[];
}

type Section = Dataset['sections'][number];
type Change = { id: string; changes: Record<string, { from: unknown; to: unknown }> };

/**
 * What the person pages look up, indexed once per site: a page per person that scanned whole tables (events,
 * mentions, footnotes, sections) and parsed diff.json again made the site quadratic in the people (2,880 people:
 * most of a 30 s extraction).
 */
interface Lookups {
  events: Map<unknown, Row[]>;
  mentions: Map<string, Dataset['mentions']>;
  footnotes: Map<number, Dataset['footnotes'][number]>;
  sectionTitles: Map<string, string>;
  /** By line_start, stably: the section a line falls in is the last one starting at or before it. */
  sectionsByLine: Section[];
  /** Prisoners in diff.json: null without a diff (no previous release). */
  diff: { added: Set<unknown>; changed: Map<string, Change> } | null;
}

function diffOfPrisoners(files: Rendered): Lookups['diff'] {
  const diff = files.get('diff.json');
  if (!diff) return null;
  const prisoners = (JSON.parse(diff.toString('utf8')) as { tables?: Record<string, { added: Row[]; changed: Change[] }> }).tables
    ?.prisoners;
  return { added: new Set(prisoners?.added.map((r) => r.id)), changed: firstBy(prisoners?.changed ?? [], (c) => c.id) };
}

const lookupsOf = new WeakMap<SiteContext, Lookups>();
function lookups(ctx: SiteContext): Lookups {
  let found = lookupsOf.get(ctx);
  if (!found) {
    const { dataset } = ctx;
    const dated = optionalTable(dataset, 'events').filter((e) => typeof e.date === 'string');
    found = {
      events: groupBy(dated, (e) => e.prisoner_id),
      mentions: groupBy(dataset.mentions, (m) => m.prisoner_id),
      footnotes: firstBy(dataset.footnotes, (f) => f.number),
      sectionTitles: new Map([...firstBy(dataset.sections, (s) => s.id)].map(([id, s]) => [id, s.title])),
      sectionsByLine: [...dataset.sections].sort((a, b) => a.line_start - b.line_start),
      diff: diffOfPrisoners(ctx.files),
    };
    lookupsOf.set(ctx, found);
  }
  return found;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v));
const byDate = (a: TimelineEntry, b: TimelineEntry) => byText(a.date, b.date) || byText(a.kind, b.kind);

/** The events table's rows for the person, read generically; without it, the entry's own dates. */
function timeline(ctx: SiteContext, p: Prisoner): TimelineEntry[] {
  const events = lookups(ctx).events.get(p.id) ?? [];
  const entries = events.length
    ? events.map((e) => ({
        date: str(e.date),
        kind: str(e.kind),
        text: str(e.text),
        footnotes: Array.isArray(e.footnotes) ? (e.footnotes as number[]) : [],
      }))
    : [
        ...(p.custody_since
          ? [{ date: p.custody_since, kind: 'custody', text: 'In custody since (the entry or its group)', footnotes: [] }]
          : []),
        ...(p.convicted_on ? [{ date: p.convicted_on, kind: 'verdict', text: 'Verdict (the entry or its group)', footnotes: [] }] : []),
      ];
  return entries.sort(byDate);
}

const timelineItem = (e: TimelineEntry) =>
  html`<li><time datetime="${e.date}">${e.date}</time> <strong>${e.kind}</strong>: ${e.text}${footnoteRefs(e.footnotes)}</li>`;

function timelineSection(ctx: SiteContext, p: Prisoner): Html {
  const entries = timeline(ctx, p);
  if (!entries.length)
    return html`<section aria-labelledby="timeline">
      <h2 id="timeline">Timeline</h2>
      <p>The report gives no dates for this person.</p>
    </section>`;
  const data = entries.map((e) => ({ ...e, at: dateOf(e.date) }));
  const chart = renderChart({
    id: 'chart-timeline',
    title: `Timeline of ${p.name}`,
    alt:
      `${entries.length} dated events from ${entries[0]?.date} to ${entries.at(-1)?.date}, ` +
      'each a dot on a time axis labelled with its kind.',
    plot: {
      height: 120,
      marginLeft: 20,
      marginRight: 40,
      x: { type: 'utc', label: null },
      y: { axis: null },
      marks: [
        Plot.ruleY([0]),
        Plot.dot(data, { x: 'at', y: 0, fill: '#0b4f9c', r: 5 }),
        Plot.text(data, { x: 'at', y: 0, text: 'kind', dy: -14 }),
      ],
    },
    head: ['Date', 'What', 'Text', 'Footnotes'],
    rows: entries.map((e) => [e.date, e.kind, e.text, e.footnotes.join(', ')]),
  });
  return html`<section aria-labelledby="timeline">
    <h2 id="timeline">Timeline</h2>
    ${chart}
    <ol>
      ${entries.map(timelineItem)}
    </ol>
  </section>`;
}

const footnoteRefs = (numbers: number[]) =>
  numbers.length ? html` (footnotes ${numbers.map((n, i) => html`${i ? ', ' : ''}<a href="#fn-${n}">${n}</a>`)})` : '';

function fields(p: Prisoner): Html {
  const rows: [string, Part][] = [
    ['Id', html`<code>${p.id}</code>`],
    ['List', `${listLabel(p.list)}, number ${p.number}`],
    ['Name as printed', p.name_as_printed],
    ['Given name', p.given_name],
    ['Family name', p.family_name],
    ['Other spellings', p.aliases.length ? p.aliases.join('; ') : 'none found'],
    ['Group', p.group ?? 'none'],
    ['Sentence as printed', p.sentence_text ?? 'none (pre-trial)'],
    ['Sentence', months(p.sentence_months) ?? 'none'],
    ['Terms (months)', p.sentence_terms_months.join(' + ') || 'none'],
    ['Articles', p.articles.join(', ') || 'none'],
    ['In custody since', p.custody_since ?? 'not given'],
    ['Verdict', p.convicted_on ?? 'not given'],
  ];
  return html`<dl class="fields">
    ${rows.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

/** The section a line falls in: the last heading at or before it. */
function sectionAt(ctx: SiteContext, line: number): Section | undefined {
  const sections = lookups(ctx).sectionsByLine;
  let [low, high] = [0, sections.length]; // the first section starting after the line is at `low`
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sections[mid]!.line_start <= line) low = mid + 1;
    else high = mid;
  }
  return sections[low - 1];
}

const tocPage = (page: number | null) => (page ? ` (page ${page} in the contents)` : '');

function whereInReport(ctx: SiteContext, p: Prisoner): Html {
  const section = sectionAt(ctx, p.source.line_start);
  const page = p.source.page ? html`page ${p.source.page}, ` : '';
  return html`<section aria-labelledby="where">
    <h2 id="where">Where in the report</h2>
    <p>
      ${section ? html`Section “${section.title}”${tocPage(section.toc_page)}, ` : ''}${page}lines
      ${p.source.line_start}–${p.source.line_end} of <code>${ctx.meta.source.file}</code>.
    </p>
    <blockquote>${p.text}</blockquote>
  </section>`;
}

function sources(ctx: SiteContext, p: Prisoner): Html {
  const notes = p.footnotes.map((n) => lookups(ctx).footnotes.get(n)).filter((f) => f !== undefined);
  if (!notes.length)
    return html`<section aria-labelledby="sources">
      <h2 id="sources">Sources</h2>
      <p>The entry cites no footnote.</p>
    </section>`;
  return html`<section aria-labelledby="sources">
    <h2 id="sources">Sources</h2>
    <ul>
      ${notes.map(
        (f) =>
          html`<li id="fn-${f.number}">
            Footnote ${f.number}: ${f.urls.length ? f.urls.map((u, i) => html`${i ? ', ' : ''}${link(u)}`) : f.text}
          </li>`,
      )}
    </ul>
  </section>`;
}

function mentions(ctx: SiteContext, p: Prisoner): Html {
  const rows = lookups(ctx).mentions.get(p.id) ?? [];
  const title = (id: string | null) => (id === null ? undefined : lookups(ctx).sectionTitles.get(id)) ?? '';
  const body = rows.length
    ? table(
        'Mentions outside the entry',
        ['Section', 'Line', 'Name as printed'],
        rows.map((m) => [title(m.section_id), m.line, m.name_as_printed]),
      )
    : html`<p>None.</p>`;
  return html`<section aria-labelledby="mentions">
    <h2 id="mentions">Other places the report names this person</h2>
    ${body}
  </section>`;
}

function changes(ctx: SiteContext, p: Prisoner): Html {
  const diff = lookups(ctx).diff;
  const heading = html`<h2 id="changes">Changes in this release</h2>`;
  if (!diff)
    return html`<section aria-labelledby="changes">
      ${heading}
      <p>This release has no previous one to compare with.</p>
    </section>`;
  const change = diff.changed.get(p.id);
  let body: Html = html`<p>Nothing changed for this person since the previous release.</p>`;
  if (diff.added.has(p.id)) body = html`<p>New in this release.</p>`;
  else if (change)
    body = table(
      'Fields changed',
      ['Field', 'Before', 'Now'],
      Object.entries(change.changes).map(([f, c]) => [f, str(c.from), str(c.to)]),
    );
  return html`<section aria-labelledby="changes">${heading}${body}</section>`;
}

function charges(p: Prisoner): Html {
  return html`<section aria-labelledby="charges">
    <h2 id="charges">Charges</h2>
    ${
      p.charges.length
        ? table(
            'Articles of the Criminal Code and their labels',
            ['Article', 'Label'],
            p.charges.map((c) => [c.article, c.label ?? '(no label quoted)']),
          )
        : html`<p>None stated.</p>`
    }
  </section>`;
}

export function personPage(ctx: SiteContext, p: Prisoner): Page {
  const body = html`<p><a href="../index.html#people-title">All people</a></p>
    <h1>${p.name}</h1>
    ${fields(p)} ${charges(p)} ${timelineSection(ctx, p)} ${whereInReport(ctx, p)}
    ${sources(ctx, p)} ${mentions(ctx, p)} ${changes(ctx, p)}`;
  return { path: `people/${p.id}.html`, title: p.name, body };
}
