/**
 * Charts drawn at build time with Observable Plot into a server-side DOM
 * (linkedom): SVG in the page, no script needed to see them. Each chart has a
 * title, a text alternative (the SVG's accessible name and description) and the
 * table behind it one click away. Only loaded when a site is rendered.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { html, type Html, type Part, table, trusted } from './html.js';

export interface Chart {
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words. */
  alt: string;
  /** Plot options, without the document (given here). */
  plot: Plot.PlotOptions;
  /** The data behind the chart, as a table. */
  head: readonly string[];
  rows: readonly (readonly Part[])[];
}

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** The chart's SVG markup: Plot writes it through the DOM, which escapes its text. */
export function chartSvg(chart: Chart): string {
  const svg = Plot.plot({ ...chart.plot, document }) as unknown as Element;
  // one image named by its caption: the marks' own aria-labels are not allowed on its parts (axe: aria-prohibited-attr)
  for (const part of svg.querySelectorAll('[aria-label]')) part.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${chart.id}-title`);
  svg.setAttribute('aria-describedby', `${chart.id}-alt`);
  return svg.outerHTML;
}

export function renderChart(chart: Chart): Html {
  if (!chart.rows.length)
    return html`<figure id="${chart.id}">
      <figcaption>${chart.title}</figcaption>
      <p>No data for this chart in this release.</p>
    </figure>`;
  return html`<figure id="${chart.id}" aria-labelledby="${chart.id}-title">
    <figcaption id="${chart.id}-title">${chart.title}</figcaption>
    ${trusted(chartSvg(chart))}
    <p class="muted" id="${chart.id}-alt">${chart.alt}</p>
    <details>
      <summary>Table behind the chart</summary>
      ${table(chart.title, chart.head, chart.rows)}
    </details>
  </figure>`;
}
