#!/usr/bin/env node
/**
 * Build step (npm run build, after tsc): every table's JSON Schema compiled by ajv
 * once, written as standalone code to build/validators.cjs, so a run loads
 * compiled functions instead of compiling the schemas each time.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { TABLE_NAMES } = await import(join(ROOT, 'build/pipeline/model/tables.js'));
const { AJV_OPTIONS, jsonSchemaFor } = await import(join(ROOT, 'build/pipeline/model/json-schema.js'));

const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
addFormats(ajv);
const exports = {};
for (const table of TABLE_NAMES) {
  const schema = jsonSchemaFor(table);
  ajv.addSchema(schema);
  exports[table] = schema.$id;
}
writeFileSync(join(ROOT, 'build', 'validators.cjs'), standaloneCode(ajv, exports));
