/**
 * Every published table: its record schema (zod, the one truth; schemas/ holds
 * the generated JSON Schemas, kept equal by a test), primary key and title.
 * The order here is the order of files in a release.
 *
 * What a diff makes of a field is declared here too. A key names what a record
 * is about, never where it was read (no line, page or file name). `positional`
 * fields say where a record stands in the report's own order (a list number):
 * a record whose only changes are there is repositioned. `provenance` fields
 * say where it was read (lines, page, source): their changes are counted as
 * moves, never as changes, and do not bear on the version bump.
 */
import type { z } from 'zod';
import { Prisoner } from './records/prisoners.js';
import { Section } from './records/sections.js';
import { FootnoteRow } from './records/footnotes.js';
import { ChargeRow } from './records/charges.js';
import { ArticleRow } from './records/articles.js';
import { Organisation } from './records/organisations.js';
import { Mention } from './records/mentions.js';
import { Claim } from './records/claims.js';
import { Event } from './records/events.js';

/** One table of the registry. */
interface TableEntry {
  schema: z.ZodType;
  /** Fields that together name the record, never a place in the file. */
  key: readonly string[];
  /** Fields giving its place in the report's own order. */
  positional: readonly string[];
  /** Fields saying where it was read. */
  provenance: readonly string[];
  title: string;
}

export const TABLES = {
  prisoners: { schema: Prisoner, key: ['id'], positional: ['number'], provenance: ['source'], title: 'Political prisoners' },
  sections: { schema: Section, key: ['id'], positional: ['order'], provenance: ['line_start', 'page'], title: 'Sections of the report' },
  footnotes: { schema: FootnoteRow, key: ['number'], positional: [], provenance: [], title: 'Footnotes and the sources they cite' },
  charges: {
    schema: ChargeRow,
    key: ['prisoner_id', 'article'],
    positional: [],
    provenance: [],
    title: 'Charges: one row per prisoner and article',
  },
  articles: { schema: ArticleRow, key: ['article'], positional: [], provenance: [], title: 'Articles of the Criminal Code' },
  organisations: { schema: Organisation, key: ['id'], positional: [], provenance: [], title: 'Organisations that wrote the report' },
  claims: { schema: Claim, key: ['id'], positional: [], provenance: [], title: 'Numeric statements of the report' },
  mentions: {
    schema: Mention,
    key: ['prisoner_id', 'section_id', 'ordinal'],
    positional: [],
    provenance: ['line', 'page'],
    title: "Where the report names a prisoner outside the prisoner's entry",
  },
  events: {
    schema: Event,
    key: ['id'],
    positional: [],
    // the sentence an event was read from is where it stands, not what it says: a reworded sentence with the same fact moves it
    provenance: ['source', 'section_id', 'text'],
    title: "Dated facts of each prisoner's case: one row per event",
  },
} as const satisfies Record<string, TableEntry>;

export type TableName = keyof typeof TABLES;
export type RecordOf<T extends TableName> = z.infer<(typeof TABLES)[T]['schema']>;
export type Dataset = { [T in TableName]: RecordOf<T>[] };
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Key fields of a table by name: the registry's, else "id" (a table of a release this code does not know yet). */
export const keyFields = (table: string): readonly string[] => (table in TABLES ? TABLES[table as TableName].key : ['id']);

/**
 * How a record's key fields make one key string: "a|b" for a compound key. Built once
 * per table: diff keys every record of both sides, and a one-field key needs no join.
 */
export const keyJoiner = (fields: readonly string[]): ((record: Record<string, unknown>) => string) =>
  fields.length === 1 ? (r) => String(r[fields[0]!]) : (r) => fields.map((f) => String(r[f])).join('|');

/** The primary key of a record as one string ("a|b" for compound keys). */
export const keyOf = (table: string, record: Record<string, unknown>) => keyJoiner(keyFields(table))(record);
