/** JSON Schemas (2020-12) generated from the zod record definitions. */
import { z } from 'zod';
import { TABLES, type TableName } from '../model/tables.js';

/** ajv's settings, shared by the build's standalone validators and run-time compilation. */
export const AJV_OPTIONS = { allErrors: false, strict: true } as const;

export const SCHEMA_BASE = 'https://github.com/odf-data/kz-political-prisoners/schemas/';

/** The JSON Schema of any published table (extracted or derived), by name. */
export function jsonSchemaOf(name: string, table: { schema: z.ZodType; title: string }): Record<string, unknown> {
  const generated = z.toJSONSchema(table.schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `${SCHEMA_BASE}${name}.schema.json`, title: table.title, ...rest };
}

export const jsonSchemaFor = (table: TableName): Record<string, unknown> => jsonSchemaOf(table, TABLES[table]);

/** The text of schemas/<table>.schema.json: stable key order, two-space indent, final newline. */
export const schemaText = (schema: Record<string, unknown>) => `${JSON.stringify(schema, null, 2)}\n`;
export const schemaFileText = (table: TableName) => schemaText(jsonSchemaFor(table));
