/** The claims table: numeric statements the report makes about its subject. */
import { z } from 'zod';
import { SectionId } from './sections.js';

export const Claim = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .describe("Stable id: the section id and the claim's number within it"),
    value: z.number().nonnegative().describe('The number stated'),
    unit: z.string().min(1).describe('What is counted, normalised (e.g. "political prisoners", "refusals")'),
    subject: z.string().min(1).describe('The counted phrase as printed'),
    period: z.string().nullable().describe('The period the number covers where stated: ISO 8601 date or interval ("2024", "2022-01/..")'),
    section_id: SectionId.nullable().describe('Section the sentence is in'),
    footnotes: z.array(z.number().int().positive()).describe('Footnotes cited in the sentence'),
    text: z.string().min(1).describe('The sentence'),
  })
  .describe('One numeric statement of the report');
export type Claim = z.infer<typeof Claim>;
