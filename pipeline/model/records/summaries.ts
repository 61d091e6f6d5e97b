/**
 * Summary tables: derived from the records (pipeline/publish/summaries.ts
 * computes them), published beside them with the same contract.
 */
import { z } from 'zod';
import { Article } from './common.js';
import { Prisoner } from './prisoners.js';

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
