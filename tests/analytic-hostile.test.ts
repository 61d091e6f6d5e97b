/**
 * The analytic writers (Parquet, SQLite) on hostile text: the fuzzer renders only the tables per case (issue #13),
 * so the texts it can grow are fed here, and read back by readers that are not ours (DuckDB, Python's sqlite3).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { emptyIdentity } from '../pipeline/identity/ledger.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { renderDataset } from '../pipeline/publish/render.js';
import { fixture, modelOf, ROOT, tempDir } from './helpers.js';

/** Quotes and SQL, control characters, line ends, astral and right-to-left text, a spreadsheet formula, a 20,000-character line. */
const HOSTILE = [
  `O'Brien "the" \`x\`; DROP TABLE prisoners; --`,
  'nul\u0000tab\tbell\u0007esc\u001b',
  'line\r\nbreak\rreturn\u2028separator',
  'emoji 🧱👩🏽‍⚖️ rtl \u202eلغة\u202c zero\u200bwidth',
  '=HYPERLINK("http://example.org")',
  '\\u0000 \\" \\\\ null NaN',
  'x'.repeat(20_000),
];
const FIELDS = ['name', 'text', 'group'] as const;
/** Numbers whose decimal spelling a careless writer rounds: each must read back as the same double. */
const AWKWARD_NUMBERS = [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, 123456789.12345679, 2 ** 53];

type Row = Record<string, unknown>;

async function hostileRelease() {
  const { dataset } = extractAll(modelOf(readFileSync(fixture('mini-report.md'), 'utf8'), 'mini.md'), 'mini', emptyIdentity());
  dataset.prisoners = dataset.prisoners.map((p, i) => ({
    ...p,
    ...Object.fromEntries(FIELDS.map((f, j) => [f, HOSTILE[(i + j) % HOSTILE.length]!])),
  }));
  const claim = dataset.claims[0]!;
  dataset.claims = AWKWARD_NUMBERS.map((value, i) => ({ ...claim, id: `awkward-${i + 1}`, value }));
  const meta = {
    version: '0.0.1',
    source: { id: 'mini', file: 'mini.md', format: 'markdown' as const, sha256: '0'.repeat(64), published_on: null },
    pipeline: { name: 'kzpp', version: '0' },
  };
  const dir = tempDir();
  for (const [name, bytes] of await renderDataset(dataset, meta, new Map(), { site: false }))
    if (!name.includes('/')) writeFileSync(join(dir, name), bytes);
  const expected = dataset.prisoners.map((p) => Object.fromEntries(FIELDS.map((f) => [f, p[f]])));
  return { dir, expected };
}

const pick = (rows: Row[]) => rows.map((r) => Object.fromEntries(FIELDS.map((f) => [f, r[f]])));

describe('Parquet and SQLite on hostile text', () => {
  it('keep every character of quotes, control characters, line ends, astral text and a 20,000-character value, every double', async () => {
    const { dir, expected } = await hostileRelease();
    expect(expected.length).toBeGreaterThanOrEqual(2);

    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const parquet = (
      await duck.runAndReadAll(`SELECT to_json(t)::VARCHAR AS j FROM read_parquet('${join(dir, 'prisoners.parquet')}') AS t`)
    ).getRowObjectsJson();
    expect(pick(parquet.map((r) => JSON.parse(String(r.j))))).toEqual(expected);

    const read = spawnSync('python3', [join(ROOT, 'tests', 'support', 'sqlite-read.py'), join(dir, 'kzpp.sqlite')], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(read.status, read.stderr).toBe(0);
    const db = JSON.parse(read.stdout) as { integrity: string; foreign_key_check: unknown[]; rows: Record<string, Row[]> };
    expect(db.integrity).toBe('ok');
    expect(db.foreign_key_check).toEqual([]);
    expect(pick(db.rows.prisoners!)).toEqual(expected);
    expect(db.rows.claims!.map((c) => c.value)).toEqual(AWKWARD_NUMBERS);
  }, 60_000);
});
