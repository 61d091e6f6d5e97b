/**
 * Two releases of N invented prisoner records for the diff benchmark: OLD, and
 * NEW with 1% of records changed, 0.5% removed and 0.5% added. Records are
 * copies of a synthetic extract's (so they meet the schema) with new ids and
 * names; written with the pipeline's own release writer (manifest, JSON,
 * NDJSON, CSV), so both kzpp diff and daff (on the CSV) read them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutput } from '../build/pipeline/publish/atomic-write.js';
import { renderDataset } from '../build/pipeline/publish/render.js';

const meta = (id) => ({
  version: null,
  source: { id, file: `${id}.md`, format: 'markdown', sha256: '0'.repeat(64), published_on: null },
  pipeline: { name: 'bench', version: '0.0.0' },
});

/** Record k: a template's fields under a new id, name and number. */
function recordOf(templates, k) {
  const t = templates[k % templates.length];
  const suffix = k.toString(36);
  return {
    ...t,
    id: `${t.id}-${suffix}`,
    number: k + 1,
    name: `${t.name} ${suffix.toUpperCase()}`,
    family_name: `${t.family_name}${suffix}`,
  };
}

/** A changed copy: a longer sentence (or a new charge for pre-trial). */
const changed = (r) =>
  r.sentence_months
    ? {
        ...r,
        sentence_months: r.sentence_months + 12,
        sentence_terms_months: [r.sentence_months + 12],
        sentence_text: `${r.sentence_text} (extended)`,
      }
    : { ...r, articles: [...r.articles, '999'] };

/** `renumbered`: every record after a removed one takes the next number (the worst case: every record differs). */
export async function writeDatasetPair(templateNdjson, n, oldDir, newDir, { renumbered = false } = {}) {
  const templates = readFileSync(templateNdjson, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const old = Array.from({ length: n }, (_, k) => recordOf(templates, k));
  const next = [];
  old.forEach((r, k) => {
    if (k % 200 === 7) return; // removed
    next.push(k % 100 === 3 ? changed(r) : r);
  });
  for (let k = n; k < n + Math.floor(n / 200); k++) next.push(recordOf(templates, k)); // added
  if (renumbered) next.forEach((r, i) => (next[i] = { ...r, number: i + 1 }));
  // the diff reads the NDJSON only: no website, no Parquet or SQLite for 100,000 records
  const tablesOnly = { site: false, analytic: false };
  writeOutput(oldDir, await renderDataset({ prisoners: old, events: [] }, meta('old'), new Map(), tablesOnly));
  writeOutput(newDir, await renderDataset({ prisoners: next, events: [] }, meta('new'), new Map(), tablesOnly));
  return { old: old.length, new: next.length };
}

export const csvOf = (dir) => join(dir, 'prisoners.csv');
