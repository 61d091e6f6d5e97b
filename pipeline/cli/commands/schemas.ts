import { readFileSync, writeFileSync } from 'node:fs';
import { EXIT, PipelineError } from '../../errors.js';
import { jsonSchemaOfTable, publishedTables } from '../../publish/published.js';
import { schemaText } from '../../model/json-schema.js';
import type { Command } from '../command.js';
import { ownPath } from '../../lib/project.js';

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

Writes schemas/<table>.schema.json from the zod record definitions (tables and summaries); with
--check, fails (exit 5) when a committed schema differs.

Example:
  npx kzpp schemas --check`,
  options: { check: { type: 'boolean' } },
  async run({ values }, io) {
    // Extracted tables and the summaries derived from them: one contract each.
    const stale = publishedTables()
      .filter((table) => {
        const path = ownPath('schemas', `${table.name}.schema.json`);
        const text = schemaText(jsonSchemaOfTable(table));
        if (values.check) return readOrEmpty(path) !== text;
        writeFileSync(path, text);
        return false;
      })
      .map((t) => t.name);
    const dir = ownPath('schemas');
    if (stale.length) throw new PipelineError(`stale JSON Schemas: ${stale.join(', ')} (run make schemas)`, EXIT.validation, { file: dir });
    const count = publishedTables().length;
    if (io.json) io.out(`${JSON.stringify({ dir, schemas: count, [values.check ? 'checked' : 'written']: true })}\n`);
    else
      io.err(
        values.check
          ? `checked ${count} JSON Schemas in ${dir}: each matches its zod definition\n`
          : `wrote ${count} JSON Schemas in ${dir}\n`,
      );
    return EXIT.ok;
  },
};
