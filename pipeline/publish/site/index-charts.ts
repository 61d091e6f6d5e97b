/**
 * The index's four charts, each a Chart (charts.ts): sentence lengths by group,
 * prisoners by article (the "political" articles marked), verdicts and
 * detentions by year, time from detention to verdict. Data from the dataset.
 */
import * as Plot from '@observablehq/plot';
import type { Dataset } from '../../model/tables.js';
import type { Chart } from './charts.js';
import { dateOf, yearOf } from './context.js';
import { byText, naturally } from '../../lib/order.js';

const BLUE = '#0b4f9c',
  ORANGE = '#b35c00';
const short = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const oneDecimal = (n: number) => Number(n.toFixed(1));

function sentencesByGroup(dataset: Dataset): Chart {
  const data = dataset.prisoners.flatMap((p) =>
    p.sentence_months === null ? [] : [{ group: p.group ?? '(no group)', years: p.sentence_months / 12 }],
  );
  const groups = [...new Set(data.map((d) => d.group))];
  const rows = groups.map((g) => {
    const ys = data
      .filter((d) => d.group === g)
      .map((d) => d.years)
      .sort((a, b) => a - b);
    return [g, ys.length, oneDecimal(ys[0] ?? 0), oneDecimal(ys.at(-1) ?? 0)];
  });
  return {
    id: 'chart-sentences',
    title: 'Sentence lengths by group',
    alt:
      `Each dot is one person's prison sentence in years, by the group the report lists the person under; ` +
      `${data.length} stated sentences in ${groups.length} groups.`,
    plot: {
      marginLeft: 290,
      height: 60 + 34 * groups.length,
      x: { label: 'Sentence (years) →', grid: true },
      y: { label: null, domain: groups, tickFormat: (g: string) => short(g) },
      marks: [Plot.dot(data, { x: 'years', y: 'group', fill: BLUE, fillOpacity: 0.6, r: 5 })],
    },
    head: ['Group', 'People with a stated sentence', 'Shortest (years)', 'Longest (years)'],
    rows,
  };
}

function prisonersByArticle(dataset: Dataset): Chart {
  const data = [...dataset.articles]
    .sort((a, b) => b.prisoner_count - a.prisoner_count || naturally(a.article, b.article))
    .map((a) => ({
      article: `Art. ${a.article}${a.listed_as_political ? ' (political)' : ''}`,
      prisoners: a.prisoner_count,
      political: a.listed_as_political,
      row: a,
    }));
  const political = data.filter((d) => d.political).length;
  return {
    id: 'chart-articles',
    title: 'Prisoners by article of the Criminal Code',
    alt:
      `Bars count the people sentenced or charged under each article; the ${political} articles the report lists as "political" ` +
      'are orange and marked (political), the others blue.',
    plot: {
      marginLeft: 130,
      height: 40 + 18 * data.length,
      x: { label: 'People →', grid: true },
      y: { label: null, domain: data.map((d) => d.article) },
      marks: [
        Plot.barX(data, { x: 'prisoners', y: 'article', fill: (d: { political: boolean }) => (d.political ? ORANGE : BLUE) }),
        Plot.ruleX([0]),
      ],
    },
    head: ['Article', 'Label', 'People', 'Listed as political'],
    rows: data.map(({ row }) => [row.article, row.label, row.prisoner_count, row.listed_as_political ? 'yes' : 'no']),
  };
}

function verdictsAndDetentionsByYear(dataset: Dataset): Chart {
  const counts = new Map<string, number>();
  for (const p of dataset.prisoners) {
    for (const [kind, date] of [
      ['verdict', p.convicted_on],
      ['detention', p.custody_since],
    ] as const) {
      const year = yearOf(date);
      if (year !== null) counts.set(`${year}|${kind}`, (counts.get(`${year}|${kind}`) ?? 0) + 1);
    }
  }
  const data = [...counts]
    .map(([key, n]) => ({ year: key.split('|')[0] ?? '', kind: key.split('|')[1] ?? '', people: n }))
    .sort((a, b) => byText(a.year, b.year) || byText(a.kind, b.kind));
  const years = [...new Set(data.map((d) => d.year))];
  return {
    id: 'chart-years',
    title: 'Verdicts and detentions by year',
    alt:
      'For each year, the people whose verdict (blue) or start of custody (orange) the report dates in that year; ' +
      'people without a stated date are left out.',
    plot: {
      height: 260,
      marginBottom: 40,
      fx: { label: null, domain: years },
      x: { axis: null, domain: ['detention', 'verdict'] },
      y: { label: '↑ People', grid: true },
      color: { domain: ['detention', 'verdict'], range: [ORANGE, BLUE] },
      marks: [Plot.barY(data, { fx: 'year', x: 'kind', y: 'people', fill: 'kind' }), Plot.ruleY([0])],
    },
    head: ['Year', 'What', 'People'],
    rows: data.map((d) => [d.year, d.kind, d.people]),
  };
}

/** Whole months from one date to another, at the precision both give (a year alone counts from its January). */
const monthsBetween = (from: string, to: string) => {
  const a = dateOf(from),
    b = dateOf(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
};

function detentionToVerdict(dataset: Dataset): Chart {
  const data = dataset.prisoners.flatMap((p) =>
    p.custody_since && p.convicted_on
      ? [{ name: p.name, from: p.custody_since, to: p.convicted_on, months: monthsBetween(p.custody_since, p.convicted_on) }]
      : [],
  );
  return {
    id: 'chart-wait',
    title: 'Time from detention to verdict',
    alt:
      `How many months passed between the start of custody and the verdict, for the ${data.length} people whose entry dates both; ` +
      'each bar counts the people in a span of months.',
    plot: {
      height: 240,
      x: { label: 'Months from detention to verdict →' },
      y: { label: '↑ People', grid: true },
      marks: [Plot.rectY(data, { ...Plot.binX({ y: 'count' }, { x: 'months' }), fill: BLUE }), Plot.ruleY([0])],
    },
    head: ['Person', 'In custody since', 'Verdict', 'Months'],
    rows: data.map((d) => [d.name, d.from, d.to, d.months]),
  };
}

export const indexCharts = (dataset: Dataset): Chart[] =>
  [sentencesByGroup, prisonersByArticle, verdictsAndDetentionsByYear, detentionToVerdict].map((f) => f(dataset));
