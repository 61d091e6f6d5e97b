/**
 * Derived tables: counts and sentence statistics computed with arquero from
 * the validated records. Each entry is published exactly like an extracted
 * table (same writers, schemas in schemas/, resources in datapackage.json).
 */
import * as aq from 'arquero';
import type { z } from 'zod';
import { EXIT, PipelineError } from '../errors.js';
import {
  CustodyToVerdictByGroup,
  EventsByKindYear,
  PrisonersByArticle,
  PrisonersByCustodyYear,
  PrisonersByGroup,
  PrisonersByVerdictYear,
  SentencesByArticle,
  SentencesByGroup,
} from '../model/records/summaries.js';
import type { Dataset } from '../model/tables.js';
import type { Row } from '../model/row.js';

const { op } = aq;

export interface Summary {
  schema: z.ZodType;
  key: readonly string[];
  title: string;
  compute: (dataset: Dataset) => Row[];
}

/** Prisoners with a row number (report order) and the year of each date. */
function prisonersTable(dataset: Dataset) {
  const year = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);
  return aq.from(
    dataset.prisoners.map((p, index) => ({ ...p, index, verdict_year: year(p.convicted_on), custody_year: year(p.custody_since) })),
  );
}

/** Article numbers in the Code's order: "29" < "272" < "380" < "380-1". */
const articleOrder = (a: string) =>
  a
    .split('-')
    .map((n) => n.padStart(4, '0'))
    .join('-');

const sentenceStats = {
  sentences: op.count(),
  min_months: op.min('sentence_months'),
  median_months: op.median('sentence_months'),
  max_months: op.max('sentence_months'),
};

const byGroup = (dataset: Dataset) => prisonersTable(dataset).groupby('list', 'group');

/** Groups keep the report's order: by the first entry of each. */
const inReportOrder = (t: aq.ColumnTable) => t.orderby('first').select(aq.not('first'));

/** One row per article cited in an entry (people with no article drop out). */
const byArticle = (dataset: Dataset) =>
  prisonersTable(dataset).select('list', 'articles', 'sentence_months').unroll('articles', { drop: [] }).rename({ articles: 'article' });

const sortArticles = (rows: Row[]) => rows.sort((a, b) => (articleOrder(String(a.article)) < articleOrder(String(b.article)) ? -1 : 1));

/** Years ascending, the unknown (null) last. */
const byYearThenUnknown = (a: Row, b: Row) => (a.year === null ? 1 : b.year === null ? -1 : (a.year as number) - (b.year as number));

const perYear = (column: 'verdict_year' | 'custody_year') => (dataset: Dataset) =>
  (
    prisonersTable(dataset)
      .rename({ [column]: 'year' })
      .groupby('year')
      .count({ as: 'prisoners' })
      .objects() as Row[]
  ).sort(byYearThenUnknown);

/** Events with the year of their (start) date; built by columns, so a report without events still has them. */
const eventsTable = ({ events }: Dataset) =>
  aq.table({
    kind: events.map((e) => e.kind),
    year: events.map((e) => Number(e.date.slice(0, 4))),
    prisoner_id: events.map((e) => e.prisoner_id),
  });

/** Kinds in the schema's order, years ascending within a kind. */
const KIND_ORDER = EventsByKindYear.shape.kind.options;
const kindRank = (r: Row) => KIND_ORDER.indexOf(r.kind as never);
const byKindThenYear = (a: Row, b: Row) => kindRank(a) - kindRank(b) || (a.year as number) - (b.year as number);

export const SUMMARIES: Record<string, Summary> = {
  prisoners_by_group: {
    schema: PrisonersByGroup,
    key: ['list', 'group'],
    title: 'Prisoners per group',
    compute: (d) => inReportOrder(byGroup(d).rollup({ prisoners: op.count(), first: op.min('index') })).objects() as Row[],
  },
  prisoners_by_article: {
    schema: PrisonersByArticle,
    key: ['article'],
    title: 'Prisoners per article of the Criminal Code',
    compute: (d) =>
      sortArticles(
        byArticle(d)
          .groupby('article')
          .rollup({
            prisoners: op.count(),
            convicted: (r: Row) => op.sum(r.list === 'convicted' ? 1 : 0),
            pre_trial: (r: Row) => op.sum(r.list === 'pre_trial' ? 1 : 0),
          })
          .objects() as Row[],
      ),
  },
  prisoners_by_verdict_year: {
    schema: PrisonersByVerdictYear,
    key: ['year'],
    title: 'Prisoners per year of the verdict',
    compute: perYear('verdict_year'),
  },
  prisoners_by_custody_year: {
    schema: PrisonersByCustodyYear,
    key: ['year'],
    title: 'Prisoners per year custody began',
    compute: perYear('custody_year'),
  },
  sentences_by_group: {
    schema: SentencesByGroup,
    key: ['list', 'group'],
    title: 'Sentence lengths per group',
    compute: (d) =>
      inReportOrder(
        prisonersTable(d)
          .filter((r: Row) => r.sentence_months !== null)
          .groupby('list', 'group')
          .rollup({ ...sentenceStats, first: op.min('index') }),
      ).objects() as Row[],
  },
  sentences_by_article: {
    schema: SentencesByArticle,
    key: ['article'],
    title: 'Sentence lengths per article of the Criminal Code',
    compute: (d) =>
      sortArticles(
        byArticle(d)
          .filter((r: Row) => r.sentence_months !== null)
          .groupby('article')
          .rollup(sentenceStats)
          .objects() as Row[],
      ),
  },
  events_by_kind_year: {
    schema: EventsByKindYear,
    key: ['kind', 'year'],
    title: 'Events per kind and year',
    compute: (d) =>
      (
        eventsTable(d)
          .groupby('kind', 'year')
          .rollup({ events: op.count(), prisoners: op.distinct('prisoner_id') })
          .objects() as Row[]
      ).sort(byKindThenYear),
  },
  custody_to_verdict_by_group: {
    schema: CustodyToVerdictByGroup,
    key: ['list', 'group'],
    title: 'Months from custody to verdict per group',
    compute: (d) =>
      inReportOrder(
        prisonersTable(d)
          .filter((r: Row) => r.months_custody_to_verdict !== null)
          .groupby('list', 'group')
          .rollup({
            prisoners: op.count(),
            min_months: op.min('months_custody_to_verdict'),
            median_months: op.median('months_custody_to_verdict'),
            max_months: op.max('months_custody_to_verdict'),
            first: op.min('index'),
          }),
      ).objects() as Row[],
  },
};

export const SUMMARY_NAMES = Object.keys(SUMMARIES);

/** Every summary of the dataset, each row checked against its schema. */
export function computeSummaries(dataset: Dataset): Record<string, Row[]> {
  return Object.fromEntries(SUMMARY_NAMES.map((name) => [name, checked(name, SUMMARIES[name]!.compute(dataset))]));
}

function checked(name: string, rows: Row[]): Row[] {
  const schema = SUMMARIES[name]!.schema;
  return rows.map((row, i) => {
    const result = schema.safeParse(row);
    if (result.success) return result.data as Row;
    const issue = result.error.issues[0]!;
    throw new PipelineError(
      `summary ${name} row ${i + 1} fails its schema at /${issue.path.join('/')}: ${issue.message}`,
      EXIT.validation,
      { file: `${name}.json` },
    );
  });
}
