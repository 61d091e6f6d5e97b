import { join } from 'node:path';
import { EXIT, formatPlace, PipelineError, type Place } from '../../errors.js';
import { checkReleaseIntegrity } from '../../publish/integrity.js';
import { keyOf, TABLE_NAMES, type TableName } from '../../model/tables.js';
import { PIPELINE } from '../../lib/package.js';
import { validatorFor } from '../../validate/gate.js';
import type { Command } from '../command.js';
import { isDirectory, type LoadedTable, readManifest, readTableFile, tableFileIn } from '../../publish/read-release.js';

interface Problem extends Place {
  message: string;
}

interface Verdict {
  path: string;
  counts: Record<string, number>;
  problems: Problem[];
}

/** Every record against its table's JSON Schema, and primary keys unique. */
function checkRecords({ table, file, rows, lines }: LoadedTable): Problem[] {
  const validate = validatorFor(table);
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = lines[i];
    const key = keyOf(table, row);
    if (!validate(row)) {
      const e = validate.errors![0]!;
      problems.push({
        file,
        line,
        message: `${table} record "${key}" fails its schema at ${e.instancePath || '/'}: ${e.keyword} (${e.message})`,
      });
    }
    const first = seen.get(key);
    if (first !== undefined) problems.push({ file, line, message: `${table} key "${key}" repeats the record at line ${first}` });
    else seen.set(key, line ?? i + 1);
  });
  return problems;
}

/** A release directory: intact (the same check as verify-release), tables valid, formats agreeing. */
function checkRelease(dir: string): Verdict {
  const manifest = readManifest(dir);
  const problems: Problem[] = checkReleaseIntegrity(dir).problems.map((p) => ({ file: join(dir, p.path), message: p.message }));
  for (const [table, count] of Object.entries(manifest.counts)) {
    if (!(TABLE_NAMES as string[]).includes(table)) {
      problems.push({ file: join(dir, 'manifest.json'), message: `unknown table "${table}"` });
      continue;
    }
    problems.push(...checkTableFiles(dir, table as TableName, count));
  }
  return { path: dir, counts: manifest.counts, problems };
}

function checkTableFiles(dir: string, table: TableName, count: number): Problem[] {
  const ndjson = readTableFile(tableFileIn(dir, table), table);
  const json = readTableFile(tableFileIn(dir, table, 'json'), table);
  const problems = checkRecords(ndjson);
  if (ndjson.rows.length !== count)
    problems.push({ file: ndjson.file, message: `${ndjson.rows.length} records, manifest.json says ${count}` });
  const differing = json.rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(ndjson.rows[i]));
  if (json.rows.length !== ndjson.rows.length || differing >= 0) {
    problems.push({
      file: json.file,
      line: differing >= 0 ? json.lines[differing] : undefined,
      message: `does not hold the same records as ${table}.ndjson`,
    });
  }
  return problems;
}

function checkFile(file: string, table?: string): Verdict {
  const loaded = readTableFile(file, table);
  return { path: file, counts: { [loaded.table]: loaded.rows.length }, problems: checkRecords(loaded) };
}

const SHOWN = 20;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a release directory or a JSON/NDJSON file against the schemas',
  help: `Usage: kzpp validate PATH... [--table NAME] [--json]

PATH is a release directory (dist/<version>/ or an extract's --out DIR) or a
.json / .ndjson file of records. For a directory, every file must match
SHA256SUMS and datapackage.json (as verify-release checks), every record its table's JSON Schema
(schemas/<table>.schema.json), keys must be unique, and the JSON and NDJSON
files must hold the same records. A file's table is its name (prisoners.ndjson)
unless --table NAME. Exit 5 when anything fails, each problem on one line.

Example:
  npx kzpp validate dist/${PIPELINE.version} dist/${PIPELINE.version}/prisoners.ndjson`,
  options: { table: { type: 'string' } },
  async run({ values, positionals }, io) {
    if (!positionals.length) throw new PipelineError('validate needs a PATH (see kzpp validate --help)', EXIT.usage);
    const table = values.table as string | undefined;
    const verdicts = positionals.map((path) => (isDirectory(path) ? checkRelease(path) : checkFile(path, table)));
    for (const v of verdicts) {
      if (!io.json) for (const p of v.problems.slice(0, SHOWN)) io.err(`${formatPlace(p)}: ${p.message}\n`);
      if (!io.json && v.problems.length > SHOWN) io.err(`${v.path}: ... and ${v.problems.length - SHOWN} more problems\n`);
      const counts = Object.entries(v.counts)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ');
      if (io.json) io.out(`${JSON.stringify({ path: v.path, valid: v.problems.length === 0, counts: v.counts, problems: v.problems })}\n`);
      else io.out(`${v.path}: ${v.problems.length ? `INVALID, ${v.problems.length} problems` : 'valid'} (${counts})\n`);
    }
    return verdicts.some((v) => v.problems.length) ? EXIT.validation : EXIT.ok;
  },
};
