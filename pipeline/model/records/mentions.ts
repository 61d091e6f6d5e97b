/** The mentions table: places outside a prisoner's own entry where the report names the prisoner. */
import { z } from 'zod';
import { SectionId } from './sections.js';

export const Mention = z
  .strictObject({
    prisoner_id: z.string().describe('prisoners.id'),
    section_id: SectionId.nullable().describe('Section the mention is in'),
    ordinal: z
      .number()
      .int()
      .positive()
      .describe('Which mention of this prisoner in this section, from 1 in reading order (with the ids, its key)'),
    line: z
      .number()
      .int()
      .positive()
      .describe('Line of the block that names the prisoner in the source file (Markdown) or on its page (PDF)'),
    page: z.number().int().positive().optional().describe('Page of the PDF that line is on (PDF front end only)'),
    name_as_printed: z.string().min(1).describe('The name exactly as printed there'),
  })
  .describe("One place where the report names a prisoner outside the prisoner's own entry");
export type Mention = z.infer<typeof Mention>;
