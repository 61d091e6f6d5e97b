/**
 * Summary tables: derived from the records (pipeline/publish/summaries.ts
 * computes them), published beside them with the same contract.
 */
import { z } from 'zod';
import { Article } from './common.js';
import { Prisoner } from './prisoners.js';
import { EventKind } from './events.js';

const Count = (what: string) => z.number().int().nonnegative().describe(what);
const Group = Prisoner.shape.group;
const Year = z.number().int().min(1900).max(2100).nullable();

export const PrisonersByGroup = z
  .strictObject({
    list: Prisoner.shape.list,
    group: Group,
    prisoners: Count('Number of people listed under this group'),
  })
  .describe('Prisoners per group of the report, in the order of the report');

export const PrisonersByArticle = z
  .strictObject({
    article: Article,
    prisoners: Count('People whose current sentence or charge cites this article'),
    convicted: Count('Of them, on the list of convicted prisoners'),
    pre_trial: Count('Of them, on the list of pre-trial detainees'),
  })
  .describe('Prisoners per article of the Criminal Code (a person charged under several articles counts under each)');

const byYear = (event: string) =>
  z
    .strictObject({
      year: Year.describe(`Year of the ${event}; null counts the people whose entry gives no such date`),
      prisoners: Count(`People whose ${event} falls in this year`),
    })
    .describe(`Prisoners per year of the ${event}; the row with year null counts those whose entry gives no date`);

export const PrisonersByVerdictYear = byYear('verdict (convicted_on)');
export const PrisonersByCustodyYear = byYear('start of custody (custody_since)');

const SentenceStats = {
  sentences: Count('Prisoners with a stated prison sentence (sentence_months not null)'),
  min_months: z.number().int().positive().describe('Shortest sentence, in months'),
  median_months: z.number().positive().describe('Median sentence, in months (mean of the two middle values for an even count)'),
  max_months: z.number().int().positive().describe('Longest sentence, in months'),
};

export const SentencesByGroup = z
  .strictObject({ list: Prisoner.shape.list, group: Group, ...SentenceStats })
  .describe('Sentence length statistics per group (prisoners with a stated sentence only)');

export const SentencesByArticle = z
  .strictObject({ article: Article, ...SentenceStats })
  .describe('Sentence length statistics per article: the total sentences of the people convicted under it');

export const EventsByKindYear = z
  .strictObject({
    kind: EventKind,
    year: Year.describe('Year the event is dated in (the start of a range)'),
    events: Count('Events of this kind in this year'),
    prisoners: Count('People with at least one such event'),
  })
  .describe('Events per kind and year (every origin: entry, group and narrative)');

export const CustodyToVerdictByGroup = z
  .strictObject({
    list: Prisoner.shape.list,
    group: Group,
    prisoners: Count('People of the group with both dates at month precision or better (months_custody_to_verdict not null)'),
    min_months: z.number().int().nonnegative().describe('Shortest time from custody to verdict, in whole months'),
    median_months: z.number().nonnegative().describe('Median, in months (mean of the two middle values for an even count)'),
    max_months: z.number().int().nonnegative().describe('Longest, in months'),
  })
  .describe('Time from the start of custody to the verdict per group (people with both dates only)');
