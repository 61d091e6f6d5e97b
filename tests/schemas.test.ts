import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../pipeline/model/tables.js';
import { validateRecords } from '../pipeline/validate/gate.js';
import { schemaFileText } from '../pipeline/model/json-schema.js';
import { ROOT } from './helpers.js';

describe('schemas', () => {
  it.each(Object.keys(TABLES))('schemas/%s.schema.json is the one generated from the zod definition (run make schemas)', (table) => {
    expect(readFileSync(join(ROOT, 'schemas', `${table}.schema.json`), 'utf8')).toBe(schemaFileText(table as TableName));
  });

  it('the gate names the record, the JSON pointer and the rule', () => {
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
    expect(() => validateRecords({ prisoners: [record] } as never, 'doc.md')).toThrow(
      'doc.md:line 3: prisoners record "ann-test" fails its schema at /articles/0: pattern',
    );
    expect(() => validateRecords({ prisoners: [{ ...record, articles: [], convicted_on: '2023-13-01' }] } as never, 'doc.md')).toThrow(
      /at \/convicted_on: /,
    );
  });
});
