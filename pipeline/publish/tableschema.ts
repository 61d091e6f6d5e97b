/**
 * Frictionless Table Schemas, derived from the JSON Schemas of the records
 * (themselves generated from zod): field types, descriptions, constraints,
 * primaryKey and foreignKeys.
 */
import { flatColumnsOf, type JsonSchema, unwrapNullable } from './columns.js';
import type { ForeignKey, PublishedTable } from './published.js';

export interface TableField {
  name: string;
  type: string;
  description?: string;
  constraints?: Record<string, unknown>;
}

const LARGEST_SAFE = Number.MAX_SAFE_INTEGER;

/** Frictionless type and constraints of one JSON Schema property. */
function fieldOf(name: string, prop: JsonSchema, required: boolean, inCsv: boolean, described?: string): TableField {
  const { schema, nullable } = unwrapNullable(prop);
  const type = String(schema.type ?? 'any');
  const constraints: Record<string, unknown> = {};
  // An empty CSV cell reads as null, so a string that may be empty cannot be "required" there.
  const mayBeEmpty = type === 'string' && !(schema.minLength && schema.minLength > 0) && !schema.pattern && !schema.enum;
  if (required && !nullable && !(inCsv && mayBeEmpty)) constraints.required = true;
  if (schema.enum) constraints.enum = schema.enum;
  // Table Schema patterns match the whole value (XML Schema style): no anchors.
  if (schema.pattern && type === 'string') constraints.pattern = schema.pattern.replace(/^\^/, '').replace(/\$$/, '');
  if (type === 'integer' || type === 'number') {
    if (schema.minimum !== undefined) constraints.minimum = schema.minimum;
    if (schema.exclusiveMinimum !== undefined) constraints.exclusiveMinimum = schema.exclusiveMinimum;
    if (schema.maximum !== undefined && schema.maximum < LARGEST_SAFE) constraints.maximum = schema.maximum;
  }
  let frictionlessType = ['string', 'integer', 'number', 'boolean', 'object', 'array'].includes(type) ? type : 'any';
  let description = described ?? prop.description ?? schema.description;
  if (inCsv && type === 'array') {
    // CSV cells hold lists joined with "; " (objects as "a: b"), so they are strings there.
    frictionlessType = 'string';
    description = `${description ?? ''} (in CSV: items joined with "; ")`.trim();
    delete constraints.required;
  }
  return {
    name,
    type: frictionlessType,
    ...(description ? { description } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** Fields of a record schema: top-level properties (JSON), or the flat columns of the CSV (nested objects as a_b columns). */
export function fieldsOf(schema: JsonSchema, inCsv: boolean): TableField[] {
  if (inCsv) return flatColumnsOf(schema).map((c) => fieldOf(c.column.name, c.prop, c.required, true, c.column.description));
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => fieldOf(name, prop, required.has(name), false));
}

const pluralCandidates = (stem: string) => [`${stem}s`, `${stem}es`, stem.replace(/y$/, 'ies'), stem];

/**
 * Foreign keys by naming convention: a top-level scalar field `x_id` refers to
 * the table `xs` (or `xes`, `xies`, `x`) when that table has a one-field key.
 */
export function conventionalForeignKeys(table: PublishedTable, schema: JsonSchema, tables: PublishedTable[]): ForeignKey[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const match = /^(.+)_id$/.exec(name);
    const { schema: inner } = unwrapNullable(prop);
    if (!match || inner.type === 'array' || inner.type === 'object') return [];
    const target = pluralCandidates(match[1]!)
      .map((n) => tables.find((t) => t.name === n))
      .find((t) => t && t.key.length === 1 && t.name !== table.name);
    return target ? [{ fields: [name], reference: { resource: target.name, fields: [...target.key] } }] : [];
  });
}

/** A table's foreign keys: those its registry entry declares, else those its field names imply. */
export const foreignKeysOf = (table: PublishedTable, schema: JsonSchema, tables: PublishedTable[]): ForeignKey[] =>
  table.foreignKeys ?? conventionalForeignKeys(table, schema, tables);

/** A Table Schema for a table's CSV (inCsv) or JSON/NDJSON rows. */
export function tableSchemaOf(
  table: PublishedTable,
  jsonSchema: JsonSchema,
  tables: PublishedTable[],
  inCsv: boolean,
): Record<string, unknown> {
  const fields = fieldsOf(jsonSchema, inCsv);
  // A primary key's fields are never null: a key over a nullable field is only a unique key.
  const keyFieldsRequired = table.key.every((k) => fields.find((f) => f.name === k)?.constraints?.required === true);
  const foreignKeys = inCsv ? foreignKeysOf(table, jsonSchema, tables) : [];
  return {
    fields,
    ...(table.key.length ? (keyFieldsRequired ? { primaryKey: [...table.key] } : { uniqueKeys: [[...table.key]] }) : {}),
    ...(foreignKeys.length ? { foreignKeys } : {}),
    missingValues: [''],
  };
}
