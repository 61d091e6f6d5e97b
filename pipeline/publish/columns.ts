/**
 * Typed columns of a published table, read from its JSON Schema (generated
 * from the zod model). The one owner of the type mapping and of flattening:
 * the CSV and Excel files, the Table Schema, the data dictionary, the Parquet
 * and SQLite writers and `kzpp inspect` all start from these columns and cells.
 */
import type { Row } from '../model/row.js';

/** The part of a JSON Schema (a record's, or one property's) that the published formats read. */
export type JsonSchema = {
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
  format?: string;
  const?: unknown;
};

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

/** A column as the flat formats (CSV, SQLite) store it, and where its value sits in a record. */
export interface FlatColumn {
  column: Column;
  path: string[];
  /** The JSON Schema property of the value (its constraints, for the Table Schema and the dictionary). */
  prop: JsonSchema;
  /** Every record has the key: each step of the path is required and no object on it may be null. */
  required: boolean;
}

export type ScalarKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'json';

interface ColumnBase {
  name: string;
  /** Null or absent in some record (nullable, or not required). */
  nullable: boolean;
  description?: string;
  /** A string of free text (no pattern, enum, constant or format): worth a full-text index. */
  freeText?: boolean;
}

export type Column =
  | (ColumnBase & { kind: ScalarKind })
  | (ColumnBase & { kind: 'list'; items: Column })
  | (ColumnBase & { kind: 'struct'; fields: Column[] });

/**
 * Only a full calendar date (`format: date`, e.g. z.iso.date()) is a date.
 * A partial date ("2022-09", "2019") is a string: no date type holds a month or a year alone.
 */
const isFullDate = (schema: JsonSchema) => schema.type === 'string' && schema.format === 'date';

const SCALARS: Record<string, ScalarKind> = { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean' };

function kindOf(schema: JsonSchema): ScalarKind | 'list' | 'struct' {
  if (isFullDate(schema)) return 'date';
  if (schema.type === 'array' && schema.items) return 'list';
  if (schema.type === 'object' && schema.properties) return 'struct';
  if (schema.const !== undefined && schema.type === undefined) return 'json';
  return SCALARS[String(schema.type)] ?? 'json';
}

/** The column of one property; `required`: the record always has it. */
export function columnOf(name: string, prop: JsonSchema, required: boolean): Column {
  const { schema, nullable } = unwrapNullable(prop);
  const base = { name, nullable: nullable || !required, description: prop.description ?? schema.description };
  const kind = kindOf(schema as JsonSchema);
  if (kind === 'list') return { ...base, kind, items: columnOf('element', schema.items!, true) };
  if (kind === 'struct') return { ...base, kind, fields: columnsOf(schema as JsonSchema) };
  const freeText =
    kind === 'string' && !schema.pattern && !schema.enum && !(schema as JsonSchema).format && (schema as JsonSchema).const === undefined;
  return { ...base, kind, ...(freeText ? { freeText } : {}) };
}

/** The columns of a record schema, in the order of its properties. */
export function columnsOf(schema: JsonSchema): Column[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => columnOf(name, prop as JsonSchema, required.has(name)));
}

/** The flat name of a value's path in a record: source.line_start -> source_line_start. */
export const flatName = (path: string[]) => path.join('_');

/** The flat columns of a record schema: its properties in order, an object's fields as "parent_child" columns. */
export function flatColumnsOf(schema: JsonSchema): FlatColumn[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]): FlatColumn[] => {
    const column = columnOf(name, prop, required.has(name));
    if (column.kind !== 'struct') return [{ column, path: [name], prop, required: required.has(name) }];
    const { schema: inner, nullable } = unwrapNullable(prop);
    const innerRequired = new Set(inner.required ?? []);
    return column.fields.map((field) => ({
      column: {
        ...field,
        name: flatName([name, field.name]),
        nullable: field.nullable || column.nullable,
        description: describeField(column, field),
      } as Column,
      path: [name, field.name],
      prop: inner.properties![field.name]!,
      required: required.has(name) && !nullable && innerRequired.has(field.name),
    }));
  });
}

/** The CSV header of a record schema. */
export const csvColumnsOf = (schema: JsonSchema): string[] => flatColumnsOf(schema).map((c) => c.column.name);

const describeField = (parent: Column, field: Column) =>
  field.description ? `${parent.description ?? parent.name}: ${field.description}` : parent.description;

/** The value at a path of a record; absent is null. */
export const valueAt = (row: Record<string, unknown>, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), row) ??
  null;

/** A record's values by path, in the record's order: a nested object gives its fields, a list stays one value. */
export function flatEntries(row: Row, path: string[] = []): [string[], unknown][] {
  return Object.entries(row).flatMap(([key, value]): [string[], unknown][] =>
    value && typeof value === 'object' && !Array.isArray(value) ? flatEntries(value as Row, [...path, key]) : [[[...path, key], value]],
  );
}

/** A value as one CSV cell: a list joined with "; " (an object in it as "a: b"), null as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'object' && v !== null
          ? Object.values(v)
              .filter((x) => x !== null)
              .join(': ')
          : cellText(v),
      )
      .join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A record as CSV cells by flat column name. */
export const csvCellsOf = (row: Row): Record<string, string> =>
  Object.fromEntries(flatEntries(row).map(([path, value]) => [flatName(path), cellText(value)]));
