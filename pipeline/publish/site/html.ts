/**
 * HTML by construction: the `html` tagged template escapes every value it is
 * given unless the value is already Html (built by `html` itself, or trusted
 * markup from a renderer that escapes on its own: the chart library, hast).
 * Names and report text are data, so no page builds markup by concatenation.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export type Part = Html | string | number | null | undefined | false | readonly Part[];

const piece = (value: Part): string => {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
};

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? piece(values[i]) : ''), ''));
}

/** Markup from a renderer that escapes text itself (Observable Plot's SVG, hast-util-to-html). */
export const trusted = (markup: string) => new Html(markup);

/** Only web links become links: a URL from the data with another scheme (javascript:, data:) stays text. */
export const webUrl = (url: string): string | null => (/^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null);

export const link = (url: string, label: Part = url): Html => {
  const href = webUrl(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer">${label}</a>` : html`${label}`;
};

/** A table: header cells, then rows of cells (each cell escaped unless Html). */
export function table(caption: Part, head: readonly string[], rows: readonly (readonly Part[])[], className = ''): Html {
  return html`<table${className ? html` class="${className}"` : ''}><caption>${caption}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr>
        ${row.map((cell) => html`<td>${cell}</td>`)}
      </tr> `,
  )}</tbody></table>`;
}
