/**
 * The validation gate: every record against its JSON Schema (ajv), then the
 * source's own assertions. Nothing is published unless both pass.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { EXIT, PipelineError } from '../errors.js';
import type { Prisoner } from '../model/records/prisoners.js';
import { type Dataset, keyOf, TABLE_NAMES, type TableName } from '../model/tables.js';
import { manifestPath, type SourceManifest } from '../sources/manifest.js';
import { ownPath } from '../lib/project.js';
import { numberingBreaks } from '../lib/numbering.js';
import { AJV_OPTIONS, jsonSchemaFor } from '../model/json-schema.js';

/** A compiled schema check; no type guard, so a failing record keeps its type for the message. */
type Validator = ((data: unknown) => boolean) & Pick<ValidateFunction, 'errors'>;

/** The validators `npm run build` compiled ahead (scripts/build-validators.mjs), if this program was built. */
function prebuilt(): Record<string, Validator> | undefined {
  const file = ownPath('build', 'validators.cjs');
  return existsSync(file) ? (createRequire(import.meta.url)(file) as Record<string, Validator>) : undefined;
}

let ajv: Ajv2020 | undefined;
/** Run from source before any build: compile the table's schema now (same ajv settings as the build). */
export function compiledNow(table: TableName): Validator {
  if (!ajv) {
    ajv = new Ajv2020(AJV_OPTIONS);
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  }
  return ajv.getSchema(jsonSchemaFor(table).$id as string) ?? ajv.compile(jsonSchemaFor(table));
}

let ahead: Record<string, Validator> | undefined | null = null;
/** One validator per table: the build's standalone code when present, else compiled once and reused. */
export function validatorFor(table: TableName): Validator {
  if (ahead === null) ahead = prebuilt();
  return ahead?.[table] ?? compiledNow(table);
}

export function validateRecords(dataset: Dataset, file: string): void {
  for (const table of TABLE_NAMES) {
    const records = (dataset[table] ?? []) as Array<Record<string, unknown>>;
    const validate = validatorFor(table);
    for (const record of records) {
      if (validate(record)) continue;
      const e = validate.errors![0]!;
      const line = (record.source as { line_start?: number } | undefined)?.line_start;
      throw new PipelineError(
        `${table} record "${keyOf(table, record)}" fails its schema at ${e.instancePath || '/'}: ${e.keyword} (${e.message})`,
        EXIT.validation,
        { file, line },
      );
    }
  }
}

/** The counts the source manifest promises, and each list numbered 1..n. */
/** `document`: the file the dataset was read from, to say where a list's numbering goes wrong. */
export function checkAssertions(dataset: Dataset, footnotes: number, manifest: SourceManifest, document: string): void {
  const a = manifest.assertions;
  const { prisoners } = dataset;
  const count = (list: Prisoner['list']) => prisoners.filter((p) => p.list === list);
  const failures: string[] = [];
  if (prisoners.length !== a.prisoners) failures.push(`${prisoners.length} prisoners, expected ${a.prisoners}`);
  if (count('convicted').length !== a.convicted) failures.push(`${count('convicted').length} convicted, expected ${a.convicted}`);
  if (count('pre_trial').length !== a.pre_trial) failures.push(`${count('pre_trial').length} pre-trial, expected ${a.pre_trial}`);
  if (footnotes !== a.footnotes) failures.push(`${footnotes} footnotes, expected ${a.footnotes}`);
  for (const list of ['convicted', 'pre_trial'] as const) {
    const entries = count(list);
    const [first] = numberingBreaks(entries.map((p) => p.number));
    if (first) {
      const p = entries[first.index]!;
      failures.push(
        `the ${list} list is not numbered 1-${entries.length}: ` +
          `the entry at ${document}:line ${p.source.line_start} is numbered ${first.number} where ${first.expected} was expected`,
      );
    }
  }
  if (failures.length) {
    throw new PipelineError(`source assertions failed: ${failures.join('; ')}`, EXIT.validation, { file: manifestPath(manifest.id) });
  }
}
