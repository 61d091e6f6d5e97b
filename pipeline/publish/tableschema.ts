/**
 * Frictionless Table Schemas, derived from the JSON Schemas of the records
 * (themselves generated from zod): field types, descriptions, constraints,
 * primaryKey and foreignKeys.
 */
import type { ForeignKey, PublishedTable } from './published.js';

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  description?: string;
};

export interface TableField {
  name: string;
  type: string;
  description?: string;
  constraints?: Record<string, unknown>;
}

/** The non-null alternative of a nullable property, and whether it is nullable. */
export function unwrapNullable(prop: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (Array.isArray(prop.type)) {
    const types = prop.type.filter((t) => t !== 'null');
    return { schema: { ...prop, type: types.length === 1 ? types[0] : types }, nullable: types.length < prop.type.length };
  }
  const options = prop.anyOf?.filter((o) => o.type !== 'null');
  if (prop.anyOf && options?.length === 1) {
    return {
      schema: { ...options[0], description: prop.description ?? options[0]!.description },
      nullable: options.length < prop.anyOf.length,
    };
  }
  return { schema: prop, nullable: false };
}

const LARGEST_SAFE = Number.MAX_SAFE_INTEGER;

/** Frictionless type and constraints of one JSON Schema property. */
function fieldOf(name: string, prop: JsonSchema, required: boolean, inCsv: boolean): TableField {
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
  let description = prop.description ?? schema.description;
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

/** Fields of a record schema: top-level properties (JSON), nested objects expanded as a_b columns (CSV). */
export function fieldsOf(schema: JsonSchema, inCsv: boolean): TableField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const { schema: inner, nullable } = unwrapNullable(prop);
    if (inCsv && inner.properties) {
      const innerRequired = new Set(inner.required ?? []);
      return Object.entries(inner.properties).map(([sub, p]) =>
        fieldOf(
          `${name}_${sub}`,
          { ...p, description: p.description ? `${inner.description ?? prop.description ?? name}: ${p.description}` : undefined },
          required.has(name) && !nullable && innerRequired.has(sub),
          true,
        ),
      );
    }
    return [fieldOf(name, prop, required.has(name), inCsv)];
  });
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
