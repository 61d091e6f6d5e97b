/** The articles table: one row per article of the Criminal Code the report cites as a charge or names as "political". */
import { z } from 'zod';
import { Article } from './common.js';

export const ArticleRow = z
  .strictObject({
    article: Article,
    label: z
      .string()
      .nullable()
      .describe('The most common label printed for the article (ties: the first printed); null when none is quoted'),
    label_variants: z.array(z.string()).describe('Every distinct label printed for the article, most common first'),
    prisoner_count: z.number().int().nonnegative().describe('Prisoners charged or sentenced under the article'),
    listed_as_political: z.boolean().describe('The report\'s criteria section names it among the "political" articles'),
  })
  .describe('One article of the Criminal Code');
export type ArticleRow = z.infer<typeof ArticleRow>;
