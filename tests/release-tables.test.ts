/** The published release: every table, in every format, against its committed JSON Schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fromCSV } from 'arquero';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../pipeline/model/tables.js';
import { ROOT, sharedBuild } from './helpers.js';

// the version this code builds (a build into an empty dist also rebuilds the previous recorded release beside it)
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const release = join(await sharedBuild(), version);
const ajv = new Ajv2020({ strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

describe('the published release', () => {
  it('builds', () => expect(readdirSync(release)).toContain('SHA256SUMS'));

  it.each(TABLE_NAMES)('%s: JSON and NDJSON rows validate against schemas/, CSV has the same rows', (table) => {
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${table}.schema.json`), 'utf8')));
    const rows = JSON.parse(readFileSync(join(release, `${table}.json`), 'utf8')) as unknown[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(validate(row) ? null : validate.errors, JSON.stringify(row).slice(0, 80)).toBeNull();
    const ndjson = readFileSync(join(release, `${table}.ndjson`), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ndjson).toEqual(rows);
    expect(fromCSV(readFileSync(join(release, `${table}.csv`), 'utf8')).numRows()).toBe(rows.length);
  });

  it('holds qa.json and qa.md, listed in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(release, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['qa.json', 'qa.md']));
    const qa = JSON.parse(readFileSync(join(release, 'qa.json'), 'utf8'));
    expect(qa.checks.length).toBeGreaterThanOrEqual(10);
    expect(readFileSync(join(release, 'qa.md'), 'utf8')).toMatch(/^# Quality report: report\.md\n/);
  });
});
