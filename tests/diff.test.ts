import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTables } from '../pipeline/diff/compare.js';
import { renderDiff } from '../pipeline/diff/render.js';
import { parseValue } from '../pipeline/diff/line-fields.js';
import { splitLines } from '../pipeline/publish/read-release.js';
import { diffPaths } from '../pipeline/orchestrate/sides.js';
import { emptyIdentity } from '../pipeline/identity/ledger.js';
import { writeOutput } from '../pipeline/publish/atomic-write.js';
import { renderDataset } from '../pipeline/publish/render.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, kzpp, modelOf, REPORT_MD, sharedBuild, tempDir } from './helpers.js';

const lines = (text: string) => text.trim().split('\n');
/** The version a build publishes: package.json's. */
const V: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

describe('diff of two synthetic editions', async () => {
  const diff = await diffPaths(fixture('edition-1.md'), fixture('edition-2.md'));
  const people = diff.tables.prisoners!;
  const changed = (id: string) => people.changed.find((c) => c.id === id);

  it('reports the released person as removed and the new one as added', () => {
    expect(people.removed.map((r) => r.id)).toEqual(['erlan-zhorgabayev']);
    expect(people.added.map((r) => r.id)).toEqual(['aset-newcomerov']);
  });

  it('reports a move from pre_trial to convicted with the sentence and verdict date', () => {
    expect(changed('marat-polygonov')?.changes).toMatchObject({
      list: { from: 'pre_trial', to: 'convicted' },
      sentence_months: { from: null, to: 72 },
      sentence_text: { from: null, to: "6 years' imprisonment" },
      convicted_on: { from: null, to: '2024-11-20' },
    });
  });

  it('reports a re-sentencing', () => {
    expect(changed('saule-tursynova')?.changes).toEqual({
      text: expect.objectContaining({ to: expect.stringContaining("7 years' imprisonment") }),
      sentence_text: { from: "5 years' imprisonment", to: "7 years' imprisonment" },
      sentence_months: { from: 60, to: 84 },
      sentence_terms_months: { from: [60], to: [84] },
      convicted_on: { from: '2022-06-01', to: '2024-03-03' },
      // the figures follow, and the verdict event replaced is a change of the person
      months_custody_to_verdict: { from: 3, to: 25 },
      term_ends_on: expect.anything(),
      event_ids: {
        from: ['saule-tursynova-detained-2022-02-02-1', 'saule-tursynova-convicted-2022-06-01-1'],
        to: ['saule-tursynova-detained-2022-02-02-1', 'saule-tursynova-convicted-2024-03-03-1'],
      },
    });
    expect(diff.tables.events!.added.map((e) => e.id)).toContain('saule-tursynova-convicted-2024-03-03-1');
    expect(diff.tables.events!.removed.map((e) => e.id)).toContain('saule-tursynova-convicted-2022-06-01-1');
  });

  it('reports a respelling as a changed family_name of the same id, not a removal plus an addition', () => {
    expect(changed('daulet-orazaliyev')?.changes).toEqual({
      text: expect.objectContaining({ to: expect.stringContaining('ORAZALIEV') }),
      name: { from: 'Daulet Orazaliyev', to: 'Daulet Orazaliev' },
      family_name: { from: 'Orazaliyev', to: 'Orazaliev' },
      name_as_printed: { from: 'Daulet ORAZALIYEV', to: 'Daulet ORAZALIEV' },
    });
  });

  it('reports renumbered people apart, with no substantive change', () => {
    expect(people.repositioned.map((c) => [c.id, c.changes, c.positional.number])).toEqual([
      ['berik-qalamov', {}, { from: 2, to: 1 }],
      ['gulnara-exemplarova', {}, { from: 2, to: 1 }],
    ]);
    for (const c of people.changed) expect(Object.keys(c.changes)).not.toContain('number');
    expect(people.counts).toEqual({ added: 1, removed: 1, changed: 3, repositioned: 2, moved: 0, unchanged: 0 });
    expect(diff.schema).toEqual([]);
    expect(diff.bump).toBe('minor');
  });
});

describe('diff of two release directories', () => {
  it("gives the same result from the releases' NDJSON lines as from the documents", async () => {
    const identity = emptyIdentity();
    const dirs = await Promise.all(
      ['edition-1.md', 'edition-2.md'].map(async (name) => {
        const { dataset } = extractAll(modelOf(readFileSync(fixture(name), 'utf8'), name), name.replace('.md', ''), identity);
        const dir = join(tempDir(), name);
        const source = { id: name, file: name, format: 'markdown', sha256: '0'.repeat(64), published_on: null };
        writeOutput(dir, await renderDataset(dataset, { version: '1.0.0', source, pipeline: { name: 't', version: '0' } }));
        return dir;
      }),
    );
    const fromReleases = await diffPaths(dirs[0]!, dirs[1]!);
    const fromDocuments = await diffPaths(fixture('edition-1.md'), fixture('edition-2.md'));
    const summary = (d: typeof fromReleases) => d.tables.prisoners!.changed.map((c) => [c.id, c.changes]);
    expect(fromReleases.tables.prisoners!.counts).toEqual(fromDocuments.tables.prisoners!.counts);
    expect(summary(fromReleases)).toEqual(summary(fromDocuments));
    expect(fromReleases.from).toMatchObject({ kind: 'release', version: '1.0.0' });
  });
});

describe('diff files', () => {
  it('writes diff.json, diff.ndjson, DIFF.md and changes.csv as the CLI promises', async () => {
    const out = join(tempDir(), 'diff');
    const r = await kzpp(['diff', fixture('edition-1.md'), fixture('edition-2.md'), '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(['from', 'to', 'bump', 'schema', 'tables']);
    expect(json.from).toMatchObject({ kind: 'source', source: { id: 'edition-1' } });
    expect(json.tables.prisoners.counts).toEqual({ added: 1, removed: 1, changed: 3, repositioned: 2, moved: 0, unchanged: 0 });
    expect(json.tables.prisoners.changed[0]).toMatchObject({ id: 'saule-tursynova', changes: { sentence_months: { from: 60, to: 84 } } });

    const all = lines(readFileSync(join(out, 'diff.ndjson'), 'utf8')).map((l) => JSON.parse(l));
    const ops = all.filter((o) => o.table === 'prisoners');
    expect(all.length).toBeGreaterThan(ops.length); // the retitled edition changes sections too
    expect(ops.map((o) => [o.op, o.id])).toEqual([
      ['ADD', 'aset-newcomerov'],
      ['MOD', 'saule-tursynova'],
      ['MOD', 'daulet-orazaliyev'],
      ['MOD', 'marat-polygonov'],
      ['MOD', 'berik-qalamov'],
      ['MOD', 'gulnara-exemplarova'],
      ['DEL', 'erlan-zhorgabayev'],
    ]);
    expect(ops[1].record.sentence_months).toBe(84);
    expect(ops[6]).toEqual({ op: 'DEL', table: 'prisoners', id: 'erlan-zhorgabayev' });

    const md = readFileSync(join(out, 'DIFF.md'), 'utf8');
    expect(md).toContain('| prisoners | 1 | 1 | 3 | 2 | 0 | 0 |');
    expect(md).toMatch(/### Removed \(1\)\n\n- \*\*Erlan Zhorgabayev\*\*/);
    expect(md).toContain('  - family_name: Orazaliyev -> Orazaliev');
    expect(md).toContain('  - list: pre_trial -> convicted');
    expect(md).toMatch(/## Position in the document only\n\n- prisoners: 2 records renumbered, nothing else changed/);
    expect(md.indexOf('### Changed (3)')).toBeLessThan(md.indexOf('## Counts'));

    const csv = readFileSync(join(out, 'changes.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('table,id,label,op,field,kind,from,to');
    expect(csv).toContain('prisoners,saule-tursynova,Saule Tursynova,MOD,sentence_months,substantive,60,84');
    expect(csv).toContain('prisoners,berik-qalamov,Berik Qalamov,MOD,number,positional,2,1');
    expect(csv).toContain('prisoners,erlan-zhorgabayev,Erlan Zhorgabayev,DEL,,,,');
  });

  it('fails with one line naming a missing input, writing nothing', async () => {
    const out = join(tempDir(), 'diff');
    const r = await kzpp(['diff', '/nonexistent/dir', fixture('edition-2.md'), '--out', out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('kzpp: error: /nonexistent/dir: cannot read (ENOENT)\n');
  });
});

describe('no change where there is none', () => {
  it('the real report against itself', async () => {
    const diff = await diffPaths(REPORT_MD, REPORT_MD);
    expect(diff.bump).toBe('none');
    expect(diff.tables.prisoners!.counts).toEqual({ added: 0, removed: 0, changed: 0, repositioned: 0, moved: 0, unchanged: 48 });
  });

  it('two builds of one release, and a release against its source', async () => {
    const [a, b] = [await sharedBuild('a'), await sharedBuild('b')];
    for (const [from, to] of [
      [join(a, V), join(b, V)],
      [REPORT_MD, join(a, V)],
    ] as const) {
      const diff = await diffPaths(from, to);
      expect(diff.bump).toBe('none');
      expect(diff.schema).toEqual([]);
      for (const t of Object.values(diff.tables)) expect(t.counts).toMatchObject({ added: 0, removed: 0, changed: 0, repositioned: 0 });
    }
  });
});

describe('schema changes', () => {
  it('lists fields added, removed and retyped on their own, and asks for a major version', () => {
    const from = { people: [{ id: 'a', age: 3, gone: 'x' }] };
    const to = { people: [{ id: 'a', age: '3', new: true }] };
    const diff = diffTables(from, to);
    expect(diff.schema).toEqual([
      { table: 'people', field: 'age', change: 'field_retyped', from: ['number'], to: ['string'] },
      { table: 'people', field: 'gone', change: 'field_removed', from: ['string'], to: null },
      { table: 'people', field: 'new', change: 'field_added', from: null, to: ['boolean'] },
    ]);
    expect(diff.tables.people!.changed).toMatchObject([{ id: 'a', changes: { age: { from: 3, to: '3' } } }]);
    expect(diff.bump).toBe('major');
  });

  it('a table added or removed is a schema change too', () => {
    expect(diffTables({ a: [{ id: '1' }] }, { b: [{ id: '1' }] }).schema.map((c) => [c.table, c.change])).toEqual([
      ['a', 'table_removed'],
      ['b', 'table_added'],
    ]);
  });
});

describe('records read as NDJSON lines, compared field by field', () => {
  // the same records as lines and as parsed rows; every pair differs, so both ways parse (or read) every record
  const FROM = [
    '{"id":"a","n":1,"text":"1 Ann \\"Q\\" \\\\ back","place":{"x":1,"y":2},"name":"Ann"}',
    '{"id":"b\\\\q","n":2,"text":"caf\\u00e9","place":{"x":1},"name":"B"}',
    '{"id":"c","text":"3 same","n":3,"name":"C","2":"two"}',
    '{"id":"d","n":4,"name":"D","tags":["x"],"gone":1}',
  ];
  const TO = [
    '{"id":"fresh","n":1,"name":"F","tags":[],"new":true}',
    '{"id":"a","n":2,"text":"1 Ann \\"Q\\" \\\\ back!","place":{"y":2,"x":1},"name":"Ann"}',
    '{"id":"b\\\\q","n":3,"text":"café","place":{"x":1},"name":"B"}',
    '{"id":"c","n":4,"text":"3 same","name":"C","2":"deux"}',
    '{"id":"d","n":5,"name":"D","tags":["x","y"]}',
  ];
  const asLines = (lines: string[]) => ({ people: splitLines(Buffer.from(`${lines.join('\n')}\n`)) });
  const asRows = (lines: string[]) => ({ people: lines.map((l) => JSON.parse(l)) });
  const META = { label: 'x', kind: 'release' as const, version: null, source: null };
  const files = (diff: ReturnType<typeof diffTables>) =>
    Object.fromEntries([...renderDiff({ from: META, to: META, ...diff })].map(([name, bytes]) => [name, bytes.toString('utf8')]));
  const fromLines = diffTables(asLines(FROM), asLines(TO));

  it('finds what parsing every record finds: the same diff files (diff.ndjson keeps each line as read)', () => {
    const { 'diff.ndjson': ndjson, ...others } = files(fromLines);
    const { 'diff.ndjson': reserialised, ...parsed } = files(diffTables(asRows(FROM), asRows(TO)));
    expect(others).toEqual(parsed);
    expect(lines(ndjson!).map((l) => JSON.parse(l))).toEqual(lines(reserialised!).map((l) => JSON.parse(l)));
  });

  it("bytes that differ with equal values (key order, escapes) are no change; changes keep the table's field order", () => {
    const people = fromLines.tables.people!;
    expect(people.changed.map((c) => [c.id, c.label, c.changes])).toEqual([
      ['a', 'Ann', { n: { from: 1, to: 2 }, text: { from: '1 Ann "Q" \\ back', to: '1 Ann "Q" \\ back!' } }],
      ['b\\q', 'B', { n: { from: 2, to: 3 } }],
      ['c', 'C', { n: { from: 3, to: 4 }, 2: { from: 'two', to: 'deux' } }],
      ['d', 'D', { n: { from: 4, to: 5 }, tags: { from: ['x'], to: ['x', 'y'] } }],
    ]);
    expect(fromLines.schema.map((c) => [c.field, c.change])).toEqual([
      ['gone', 'field_removed'],
      ['new', 'field_added'],
    ]);
    expect(people.changed[1]!.before).toEqual(JSON.parse(FROM[1]!));
    expect(people.changed[1]!.record).toEqual(JSON.parse(TO[2]!));
  });

  it("a line read along the other side's line of its record finds what parsing both finds", () => {
    const long = 'x'.repeat(200); // longer than the spans compared eight bytes at a time
    const before = [
      `{"id":"p","n":1,"s":"ab","t":[1],"u":"${long}","name":"P"}`,
      '{"id":"q","n":1,"name":"Q"}',
      `{"id":"r","n":9,"s":"${long}","name":"R"}`,
    ];
    const after = [
      `{"id":"p","n":12,"s":"abc","t":[1,2],"u":"${long}","name":"P"}`, // values that start with the other side's
      '{"id":"q", "n":1,"name":"Q"}', // other spacing: read on its own, no change
      `{"id":"r","n":9,"s":"${long}y","name":"R"}`, // a long value that differs at its end
    ];
    const read = diffTables(asLines(before), asLines(after));
    const { 'diff.ndjson': _lines, ...others } = files(read);
    const { 'diff.ndjson': _rows, ...parsed } = files(diffTables(asRows(before), asRows(after)));
    expect(others).toEqual(parsed);
    expect(read.tables.people!.changed.map((c) => [c.id, Object.keys(c.changes)])).toEqual([
      ['p', ['n', 's', 't']],
      ['r', ['s']],
    ]);
    expect(read.tables.people!.counts.unchanged).toBe(1);
  });

  it("a text that starts with its renumbered record's number is no change, whether its bytes or its value say so", () => {
    const before = [
      '{"id":"s","number":3,"text":"3 S \\u2013 one"}',
      '{"id":"t","number":4,"text":"4 T \\u2013 two"}',
      '{"id":"u","number":5,"text":"5 U \\u2013 three"}',
    ];
    const after = [
      '{"id":"s","number":2,"text":"2 S \\u2013 one"}', // the same bytes after the number
      '{"id":"t","number":3,"text":"3 T – two"}', // the same text, written otherwise
      '{"id":"u","number":4,"text":"4 U \\u2013 three!"}', // another text
    ];
    // prisoners: a table whose number is positional
    const lines = (l: string[]) => ({ prisoners: asLines(l).people }),
      rows = (l: string[]) => ({ prisoners: asRows(l).people });
    const read = diffTables(lines(before), lines(after));
    const { 'diff.ndjson': _lines, ...others } = files(read);
    const { 'diff.ndjson': _rows, ...parsed } = files(diffTables(rows(before), rows(after)));
    expect(others).toEqual(parsed);
    const people = read.tables.prisoners!;
    expect(people.repositioned.map((c) => c.id)).toEqual(['s', 't']);
    expect(people.changed.map((c) => [c.id, Object.keys(c.changes), Object.keys(c.positional)])).toEqual([['u', ['text'], ['number']]]);
  });

  it('a value read from its bytes is what JSON.parse reads, and what it refuses is refused', () => {
    const values = ['0', '-0', '-12', '123456789012345', '12345678901234567890', '1.5', '1e3', '"abc"', '""', '"a\\"b"', '"café"'];
    for (const value of [...values, '"\\u00e9"', '"tab\\t"', 'null', 'true', '[1,"x"]', '{"a":1}']) {
      const bytes = Buffer.from(` ${value},`);
      expect(parseValue(bytes, 1, bytes.length - 1)).toStrictEqual(JSON.parse(value));
    }
    for (const bad of ['007', '-', '"a\tb"', '1.']) expect(() => parseValue(Buffer.from(bad), 0, bad.length)).toThrow(SyntaxError);
  });

  it("diff.ndjson copies a changed record's line as read; diff.json is JSON.stringify with two spaces", () => {
    const written = files(fromLines);
    expect(lines(written['diff.ndjson']!)).toContain(`{"op":"MOD","table":"people","id":"b\\\\q","record":${TO[2]}}`);
    expect(written['diff.json']).toBe(`${JSON.stringify(JSON.parse(written['diff.json']!), null, 2)}\n`);
  });
});
