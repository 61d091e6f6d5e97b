/**
 * Typed columns of a published table, read from its JSON Schema (generated
 * from the zod model). The one owner of the type mapping: the Parquet and
 * SQLite writers and their documentation all start from these columns.
 */
import { unwrapNullable } from './tableschema.js';

type JsonSchema = Parameters<typeof unwrapNullable>[0] & { format?: string; const?: unknown };

/** A column as the flat formats store it, and where its value sits in a record. */
export interface FlatColumn {
  column: Column;
  path: string[];
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

/** A struct's fields as flat columns ("source" -> "source_id", "source_line_start"), as in the CSV files. */
export function flatColumns(columns: Column[]): FlatColumn[] {
  return columns.flatMap((column): FlatColumn[] =>
    column.kind === 'struct'
      ? column.fields.map((field) => ({
          column: {
            ...field,
            name: `${column.name}_${field.name}`,
            nullable: field.nullable || column.nullable,
            description: describeField(column, field),
          } as Column,
          path: [column.name, field.name],
        }))
      : [{ column, path: [column.name] }],
  );
}

const describeField = (parent: Column, field: Column) =>
  field.description ? `${parent.description ?? parent.name}: ${field.description}` : parent.description;

/** The value at a path of a record; absent is null. */
export const valueAt = (row: Record<string, unknown>, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), row) ??
  null;
