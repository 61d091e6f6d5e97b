/** Field types shared by several tables. */
import { z } from 'zod';

/** YYYY-MM-DD, or YYYY-MM / YYYY where the report gives only that. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)
  .describe('ISO 8601 date: YYYY-MM-DD, or YYYY-MM / YYYY where the report gives only that');

const PARTIAL = String.raw`\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?`;

/** A partial date, or an ISO 8601 interval of two where the text gives a range ("2015/2017"). */
export const DateOrRange = z
  .string()
  .regex(new RegExp(`^${PARTIAL}(?:/${PARTIAL})?$`))
  .describe('ISO 8601 date at the precision printed (YYYY-MM-DD, YYYY-MM, YYYY), or an interval "start/end" where the text gives a range');

export const Article = z
  .string()
  .regex(/^\d{1,3}(-\d{1,2})?$/)
  .describe('Article of the Criminal Code of the Republic of Kazakhstan (2014), e.g. "272" or "380-1"');

export const SourceRef = z
  .strictObject({
    id: z.string().describe('Source id, as in sources/<id>/source.json'),
    line_start: z.number().int().positive().describe('First line of the entry in the source file (Markdown) or on the page (PDF)'),
    line_end: z.number().int().positive().describe('Last line of the entry'),
    page: z.number().int().positive().optional().describe('Page of the PDF where the entry starts (PDF front end only)'),
  })
  .describe('Where the record was read in the source');
