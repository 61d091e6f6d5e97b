/** The charges table: one row per prisoner and article. */
import { z } from 'zod';
import { Article } from './common.js';

export const CRIMINAL_CODE = 'Criminal Code of the Republic of Kazakhstan (2014)';

export const ChargeRow = z
  .strictObject({
    prisoner_id: z.string().describe('prisoners.id'),
    article: Article,
    label: z.string().nullable().describe('The offence as the entry quotes it for this article; null when none is quoted'),
    code: z.literal(CRIMINAL_CODE).describe('The code the article belongs to'),
  })
  .describe("One article of one prisoner's sentence or charge");
export type ChargeRow = z.infer<typeof ChargeRow>;
