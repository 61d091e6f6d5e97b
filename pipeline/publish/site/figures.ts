/** The headline figures of the index, each counted from the data (never typed in). */
import type { Dataset } from '../../model/tables.js';

export interface Figure {
  id: string;
  value: number | string;
  label: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b),
    mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const years = (m: number) => `${Number((m / 12).toFixed(1))} years`;

export function headlineFigures(dataset: Dataset): Figure[] {
  const people = dataset.prisoners;
  const sentences = people.flatMap((p) => (p.sentence_months === null ? [] : [p.sentence_months]));
  const figures: Figure[] = [
    { id: 'people', value: people.length, label: 'political prisoners' },
    { id: 'convicted', value: people.filter((p) => p.list === 'convicted').length, label: 'convicted' },
    { id: 'pre_trial', value: people.filter((p) => p.list === 'pre_trial').length, label: 'in pre-trial detention' },
  ];
  if (sentences.length) {
    figures.push({ id: 'median-sentence', value: years(median(sentences)), label: `median sentence (of ${sentences.length} stated)` });
    figures.push({ id: 'longest-sentence', value: years(Math.max(...sentences)), label: 'longest sentence' });
  }
  figures.push({ id: 'articles', value: dataset.articles.length, label: 'articles of the Criminal Code cited' });
  figures.push({ id: 'footnotes', value: dataset.footnotes.length, label: 'footnoted sources' });
  return figures;
}
