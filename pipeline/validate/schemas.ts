/** JSON Schemas (2020-12) generated from the zod record definitions. */
import { z } from 'zod';
import { TABLES, type TableName } from '../model/tables.js';

export const SCHEMA_BASE = 'https://github.com/odf-data/kz-political-prisoners/schemas/';

export function jsonSchemaFor(table: TableName): Record<string, unknown> {
  const { schema, title } = TABLES[table];
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `${SCHEMA_BASE}${table}.schema.json`, title, ...rest };
}

/** The text of schemas/<table>.schema.json: stable key order, two-space indent, final newline. */
export const schemaFileText = (table: TableName) => `${JSON.stringify(jsonSchemaFor(table), null, 2)}\n`;
