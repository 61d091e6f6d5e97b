/** What every page renderer reads: the dataset, the release's facts and the files rendered before the site. */
import type { Dataset } from '../../model/tables.js';
import type { ReleaseMeta, Rendered } from '../types.js';
import { plural } from '../../lib/counts.js';
import type { Row } from '../../model/row.js';

export type { Row } from '../../model/row.js';

export interface SiteContext {
  dataset: Dataset;
  meta: ReleaseMeta;
  /** The release's other files (diff, CHANGELOG, QA, data dictionary, tables), rendered before the site. */
  files: Rendered;
  title: string;
}

/** A table the dataset may or may not have (events arrive with issue #13): read generically, [] when absent. */
export const optionalTable = (dataset: Dataset, name: string): Row[] =>
  (dataset as unknown as Record<string, Row[] | undefined>)[name] ?? [];

export const LIST_LABELS: Record<string, string> = { convicted: 'Convicted', pre_trial: 'Pre-trial detention' };
export const listLabel = (list: string) => LIST_LABELS[list] ?? list;

export const personPath = (id: string) => `people/${id}.html`;

/** "5 years 6 months" from 66; null for no sentence. */
export function months(total: number | null): string | null {
  if (total === null) return null;
  const years = Math.floor(total / 12),
    rest = total % 12;
  const part = (n: number, unit: string) => (n ? plural(n, unit) : '');
  return [part(years, 'year'), part(rest, 'month')].filter(Boolean).join(' ') || '0 months';
}

/** A date at the precision printed ("2022", "2022-09", "2022-09-14") as the first UTC instant it covers. */
export function dateOf(partial: string): Date {
  const [y, m = 1, d = 1] = partial.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, m - 1, d));
}

export const yearOf = (partial: string | null) => (partial ? Number(partial.slice(0, 4)) : null);
