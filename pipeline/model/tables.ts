/**
 * Every published table: its record schema (zod, the one truth; schemas/ holds
 * the generated JSON Schemas, kept equal by a test), primary key and title.
 * The order here is the order of files in a release.
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

export const TABLES = {
  prisoners: { schema: Prisoner, key: ['id'], title: 'Political prisoners' },
  sections: { schema: Section, key: ['id'], title: 'Sections of the report' },
  footnotes: { schema: FootnoteRow, key: ['number'], title: 'Footnotes and the sources they cite' },
  charges: { schema: ChargeRow, key: ['prisoner_id', 'article'], title: 'Charges: one row per prisoner and article' },
  articles: { schema: ArticleRow, key: ['article'], title: 'Articles of the Criminal Code' },
  organisations: { schema: Organisation, key: ['id'], title: 'Organisations that wrote the report' },
  claims: { schema: Claim, key: ['id'], title: 'Numeric statements of the report' },
  mentions: { schema: Mention, key: ['prisoner_id', 'line', 'name_as_printed'], title: 'Where the report names a prisoner outside the prisoner\'s entry' },
  events: { schema: Event, key: ['id'], title: 'Dated facts of each prisoner\'s case: one row per event' },
} as const;

export type TableName = keyof typeof TABLES;
export type RecordOf<T extends TableName> = z.infer<(typeof TABLES)[T]['schema']>;
export type Dataset = { [T in TableName]: RecordOf<T>[] };
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The primary key of a record as one string ("a|b" for compound keys). */
export const keyOf = (table: TableName, record: Record<string, unknown>) => TABLES[table].key.map((k) => String(record[k])).join('|');
