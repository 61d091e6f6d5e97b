/**
 * The published data's licence and the attribution it asks for, in one place:
 * datapackage.json and the data dictionary both say it in these words. The
 * code is MIT (package.json); the data is CC BY 4.0, credited to the report.
 */
import { type Inline, link, prose } from './mdast.js';

export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
} as const;

/** What the attribution names: the source manifest's title, publisher, date and URL (any may be missing). */
export interface Attributed {
  file: string;
  title?: string;
  publisher?: string;
  published_on: string | null;
  url?: string;
}

/** The quoted passages are the report's words, not ours to license. */
export const QUOTED_TEXT_NOTICE =
  "Quoted text (the `text` fields and labels as printed) remains the authors' and is reproduced for reference.";

/** `Open Dialogue Foundation, "Title", 2025-02-13, https://…` */
export function attributionOf(source: Attributed): string {
  const title = `"${source.title ?? source.file}"`;
  return [source.publisher, title, source.published_on, source.url].filter((part) => part).join(', ');
}

/** The licence entry of datapackage.json (Frictionless: name, path, title). */
export function dataLicenseEntry(source: Attributed) {
  const title = `${DATA_LICENSE.title}. Attribution: data extracted from ${attributionOf(source)}. ${QUOTED_TEXT_NOTICE}`;
  return { name: DATA_LICENSE.name, path: DATA_LICENSE.path, title };
}

/** The licence paragraph of the data dictionary, as phrasing content (a link to the licence). */
export function licenceNotice(source: Attributed): Inline[] {
  return [
    'The data is published under ',
    link(DATA_LICENSE.path, DATA_LICENSE.title),
    ` (${DATA_LICENSE.name}). Attribution: data extracted from ${attributionOf(source)}. `,
    prose(QUOTED_TEXT_NOTICE),
  ];
}
