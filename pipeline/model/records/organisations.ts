/** The organisations table: the report's authoring organisations. */
import { z } from 'zod';
import { PartialDate } from './common.js';

export const Organisation = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .describe('Stable, URL-safe id: slug of the name'),
    name: z.string().min(1).describe('Name as the report introduces it, quotes made straight'),
    founded_on: PartialDate.nullable().describe(
      'Date the organisation was founded, established or began its activities, at the precision printed',
    ),
    description: z.string().min(1).describe("The first sentence of the report's description"),
    emails: z.array(z.string()).describe('E-mail addresses given'),
    links: z.array(z.string()).describe('Other contacts as printed, "Label: value" (website, X, Facebook ...)'),
  })
  .describe('One of the organisations that wrote the report');
export type Organisation = z.infer<typeof Organisation>;
