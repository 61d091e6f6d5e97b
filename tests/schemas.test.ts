import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../pipeline/model/tables.js';
import { compiledNow, validateRecords, validatorFor } from '../pipeline/validate/gate.js';
import { schemaFileText } from '../pipeline/model/json-schema.js';
import { ROOT } from './helpers.js';

/** A prisoners record whose only fault is its article (`27a` is no article number). */
const record = {
  id: 'ann-test',
  list: 'convicted',
  number: 1,
  name: 'Ann Test',
  given_name: 'Ann',
  family_name: 'Test',
  name_as_printed: 'Ann TEST',
  aliases: [],
  group: null,
  sentence_text: null,
  sentence_months: null,
  sentence_terms_months: [],
  articles: ['27a'],
  charges: [],
  convicted_on: null,
  convicted_on_from: 'not_stated',
  custody_since: null,
  custody_since_from: 'not_stated',
  months_custody_to_verdict: null,
  months_in_custody: null,
  term_ends_on: null,
  event_count: 0,
  event_ids: [],
  footnotes: [],
  source_urls: [],
  text: 'x',
  source: { id: 's', line_start: 3, line_end: 3 },
};

describe('schemas', () => {
  it.each(Object.keys(TABLES))('schemas/%s.schema.json is the one generated from the zod definition (run make schemas)', (table) => {
    expect(readFileSync(join(ROOT, 'schemas', `${table}.schema.json`), 'utf8')).toBe(schemaFileText(table as TableName));
  });

  it('the gate names the record, the JSON pointer and the rule', () => {
    expect(() => validateRecords({ prisoners: [record] } as never, 'doc.md')).toThrow(
      'doc.md:line 3: prisoners record "ann-test" fails its schema at /articles/0: pattern',
    );
    expect(() => validateRecords({ prisoners: [{ ...record, articles: [], convicted_on: '2023-13-01' }] } as never, 'doc.md')).toThrow(
      /at \/convicted_on: /,
    );
  });

  it('a run uses the validators the build compiled (build/validators.cjs), and they judge as ajv compiling the schema now', () => {
    const prebuilt = createRequire(import.meta.url)(join(ROOT, 'build', 'validators.cjs')) as Record<
      string,
      ReturnType<typeof validatorFor>
    >;
    expect(validatorFor('prisoners')).toBe(prebuilt.prisoners);
    const now = compiledNow('prisoners');
    expect(now).not.toBe(prebuilt.prisoners);
    const cases = [record, { ...record, articles: [] }, { ...record, articles: [], convicted_on: '2023-13-01' }, { ...record, list: 'x' }];
    const verdict = (check: typeof now, r: unknown) => [check(r), check.errors?.[0]?.instancePath, check.errors?.[0]?.keyword];
    expect(cases.map((r) => verdict(prebuilt.prisoners!, r))).toEqual(cases.map((r) => verdict(now, r)));
    expect(cases.map((r) => verdict(now, r)[0])).toEqual([false, true, false, false]);
  });
});
