/** The sections table: the report's headings, with levels settled by its table of contents. */
import { z } from 'zod';

export const SectionId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .describe('Stable, URL-safe id of a section: the slug of its title');

export const Section = z
  .strictObject({
    id: SectionId,
    title: z.string().min(1).describe('Heading as printed'),
    level: z
      .number()
      .int()
      .min(1)
      .max(6)
      .describe('1 the title, 2 a chapter, 3 and deeper sections within it (settled by the table of contents)'),
    parent_id: SectionId.nullable().describe('The enclosing section; null for the title'),
    order: z.number().int().positive().describe('Position of the heading in the report, from 1'),
    toc_page: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('Page the table of contents gives for this heading; null when it is not listed'),
    toc_match: z
      .enum(['heading', 'text'])
      .nullable()
      .describe(
        'How the table of contents entry was found: a heading with its title, or the passage that opens it ' +
          "(the conversion lost the heading; the title is the table's); null when the table does not list it",
      ),
    front_matter: z
      .boolean()
      .describe('A heading of the front matter (between the title and the first entry the table of contents lists), not a chapter'),
    line_start: z.number().int().positive().describe('Line of the heading in the source file (Markdown) or on its page (PDF)'),
    page: z.number().int().positive().optional().describe('Page of the PDF the heading is on (PDF front end only)'),
  })
  .describe('One heading of the report');
export type Section = z.infer<typeof Section>;
