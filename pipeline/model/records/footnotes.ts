/** The footnotes table: one row per numbered footnote. */
import { z } from 'zod';
import { SectionId } from './sections.js';

export const FootnoteRow = z
  .strictObject({
    number: z.number().int().positive().describe('Footnote number as printed'),
    kind: z.enum(['url', 'note']).describe('url: the footnote cites web sources; note: it is a remark or definition without a URL'),
    urls: z
      .array(z.string().min(1))
      .describe(
        'URLs cited, cleaned (no angle brackets or link syntax, escapes undone, link target preferred); ' +
          'a URL printed with a space inside is kept as printed',
      ),
    domains: z.array(z.string()).describe('Host names of those URLs without "www.", unique, in order'),
    text: z.string().describe('Text of the footnote as printed'),
    cited_in: z.array(SectionId).describe('Sections that cite the footnote, in order of first citation'),
    cited_by: z.array(z.string()).describe('Prisoners whose entries cite the footnote (prisoners.id)'),
  })
  .describe('One numbered footnote of the report');
export type FootnoteRow = z.infer<typeof FootnoteRow>;
