/**
 * Every published table: its record schema (zod, the one truth; schemas/ holds
 * the generated JSON Schemas, kept equal by a test), primary key and title.
 * The order here is the order of files in a release.
 */
import type { z } from 'zod';
import { Prisoner } from './records/prisoners.js';

export const TABLES = {
  prisoners: { schema: Prisoner, key: ['id'], title: 'Political prisoners' },
} as const;

export type TableName = keyof typeof TABLES;
export type RecordOf<T extends TableName> = z.infer<(typeof TABLES)[T]['schema']>;
export type Dataset = { [T in TableName]: RecordOf<T>[] };
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The primary key of a record as one string ("a|b" for compound keys). */
export const keyOf = (table: TableName, record: Record<string, unknown>) => TABLES[table].key.map((k) => String(record[k])).join('|');
