/** The prisoners table: one record per entry of the report's list. */
import { z } from 'zod';
import { Article, PartialDate, SourceRef } from './common.js';

export const Charge = z.strictObject({
  article: Article,
  label: z.string().nullable().describe('The offence as the report quotes it for this article, or null when none is quoted'),
});

const DateOrigin = z.enum(['entry', 'group', 'narrative', 'not_stated']);
const Months = z.number().int().nonnegative().nullable();

export const Prisoner = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .describe('Stable, URL-safe identifier of the person'),
    list: z.enum(['convicted', 'pre_trial']).describe('Which list of the report the person is on'),
    number: z.number().int().positive().describe('Number of the entry as printed in its list'),
    name: z.string().min(1).describe('Full name in normal case, given names first'),
    given_name: z.string().describe('Given name(s) in normal case'),
    family_name: z.string().min(1).describe('Family name in normal case (the report prints it in capitals)'),
    name_as_printed: z.string().min(1).describe('The name exactly as the entry prints it'),
    aliases: z.array(z.string()).describe('Other spellings of the full name found elsewhere in the report (see the mentions table)'),
    group: z.string().nullable().describe('Heading of the group the entry is listed under'),
    sentence_text: z.string().nullable().describe('The prison sentence as printed; null for pre-trial detainees'),
    sentence_months: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('Total months of imprisonment (terms joined by "plus" are summed); null for pre-trial'),
    sentence_terms_months: z.array(z.number().int().positive()).describe('Each prison term of the sentence, in months'),
    articles: z.array(Article).describe('Articles of the current sentence or charge, sorted'),
    charges: z.array(Charge).describe('Articles with the labels the entry quotes for them'),
    convicted_on: PartialDate.nullable().describe('Date of the verdict: the latest convicted or sentence_changed event (docs/events.md)'),
    convicted_on_from: DateOrigin.describe('Where convicted_on was read; not_stated when it is null'),
    custody_since: PartialDate.nullable().describe('Start of custody in this case: the earliest detention in the case (docs/events.md)'),
    custody_since_from: DateOrigin.describe('Where custody_since was read; not_stated when it is null'),
    months_custody_to_verdict: Months.describe('Whole months from custody_since to convicted_on; null when either is missing or a year'),
    months_in_custody: Months.describe("Whole months from custody_since to the report's date; null when either is missing or only a year"),
    term_ends_on: PartialDate.nullable().describe(
      'End of the prison term: its start ("The term is calculated from …", else custody_since) plus sentence_months; null without both',
    ),
    event_count: z.number().int().nonnegative().describe('Rows of the events table for this person'),
    event_ids: z.array(z.string()).describe('Ids of those events in date order: an event added or removed changes the person'),
    footnotes: z.array(z.number().int().positive()).describe('Footnotes cited in the entry, in order of first citation'),
    source_urls: z.array(z.string()).describe('URLs of those footnotes, in the same order'),
    text: z.string().min(1).describe('Full text of the entry, footnote markers removed; paragraphs separated by a blank line'),
    source: SourceRef,
  })
  .describe("One person on the report's list of political prisoners");
export type Prisoner = z.infer<typeof Prisoner>;
