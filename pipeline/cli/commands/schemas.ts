import { readFileSync, writeFileSync } from 'node:fs';
import { EXIT, PipelineError } from '../../errors.js';
import { TABLE_NAMES } from '../../model/tables.js';
import { schemaFileText } from '../../validate/schemas.js';
import type { Command } from '../command.js';

const readOrEmpty = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

export const schemasCommand: Command = {
  name: 'schemas',
  summary: 'write (or --check) the JSON Schemas in schemas/',
  help: `Usage: kzpp schemas [--check]

Writes schemas/<table>.schema.json from the zod record definitions; with
--check, fails (exit 5) when a committed schema differs.

Example:
  npx kzpp schemas --check`,
  options: { check: { type: 'boolean' } },
  async run({ values }) {
    const stale = TABLE_NAMES.filter((table) => {
      const path = `schemas/${table}.schema.json`;
      if (values.check) return readOrEmpty(path) !== schemaFileText(table);
      writeFileSync(path, schemaFileText(table));
      return false;
    });
    if (stale.length) throw new PipelineError(`stale JSON Schemas: ${stale.join(', ')} (run make schemas)`, EXIT.validation);
    return EXIT.ok;
  },
};
