/** JSON Schemas (2020-12) generated from the zod record definitions. */
import { z } from 'zod';
import { TABLES, type TableName } from './tables.js';

/** ajv's settings, shared by the build's standalone validators and run-time compilation. */
export const AJV_OPTIONS = { allErrors: false, strict: true } as const;

export const SCHEMA_BASE = 'https://github.com/odf-data/kz-political-prisoners/schemas/';

/** Generated once per table: every writer (JSON, CSV, Parquet, SQLite, datapackage, dictionary) asks for it. */
const generated = new Map<string, { schema: z.ZodType; title: string; json: Record<string, unknown> }>();

/** The JSON Schema of any published table (extracted or derived), by name; frozen, as it is shared. */
export function jsonSchemaOf(name: string, table: { schema: z.ZodType; title: string }): Record<string, unknown> {
  const known = generated.get(name);
  if (known?.schema === table.schema && known.title === table.title) return known.json;
  const json = deepFreeze(generate(name, table));
  generated.set(name, { schema: table.schema, title: table.title, json });
  return json;
}

function generate(name: string, table: { schema: z.ZodType; title: string }): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(table.schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: `${SCHEMA_BASE}${name}.schema.json`, title: table.title, ...rest };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') for (const child of Object.values(Object.freeze(value))) deepFreeze(child);
  return value;
}

export const jsonSchemaFor = (table: TableName): Record<string, unknown> => jsonSchemaOf(table, TABLES[table]);

/** The text of schemas/<table>.schema.json: stable key order, two-space indent, final newline. */
export const schemaText = (schema: Record<string, unknown>) => `${JSON.stringify(schema, null, 2)}\n`;
export const schemaFileText = (table: TableName) => schemaText(jsonSchemaFor(table));
