/**
 * The organisations that wrote the report. The front matter introduces each
 * in a paragraph ("The X was established on …") followed by its contacts
 * ("Website: …; e-mail: …", "Facebook: …"): a description followed by
 * contact lines is an organisation.
 */
import { findDates } from '../lib/dates.js';
import { slug, uniqueIds } from '../lib/ids.js';
import { splitSentences } from '../lib/text.js';
import type { Block, DocumentModel } from '../model/document.js';
import { isBody } from '../model/document.js';
import type { Organisation } from '../model/records/organisations.js';

const CONTACT_LABEL = /^(?:website|web|site|x|twitter|facebook|instagram|telegram|youtube|tiktok|linkedin|e-?mail|phone|tel)\s*:/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** The name is the subject of the first sentence: up to a dash or the first verb. */
const SUBJECT_END = /\s+(?:[–—-]\s|(?:was|is|has|have|were|are|intends|aims)\b)/;
const FOUNDING = /\b(?:established|founded|set up|created|began its activities|launched)\b/i;

const contactParts = (text: string) => text.split(/\s*;\s*/).filter(Boolean);
export const isContactLine = (b: Block) => isBody(b) && contactParts(b.text).every((p) => CONTACT_LABEL.test(p));

/** "The “Bostandyq Kz” human rights movement" -> 'Human rights movement "Bostandyq Kz"'. */
export function organisationName(firstSentence: string): string {
  let name = firstSentence
    .split(SUBJECT_END)[0]!
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/[“”]/g, '"');
  const quotedFirst = /^"([^"]+)"\s+(.+)$/.exec(name);
  if (quotedFirst) name = `${quotedFirst[2]} "${quotedFirst[1]}"`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function foundedOn(text: string): string | null {
  const dates = splitSentences(text).flatMap((s) => (FOUNDING.test(s.text) ? findDates(s.text).map((d) => d.iso) : []));
  return dates.sort()[0] ?? null;
}

function contacts(lines: string[]): { emails: string[]; links: string[] } {
  const parts = lines.flatMap(contactParts);
  const emails = parts.flatMap((p) => p.match(EMAIL) ?? []);
  const links = parts.filter((p) => !/^e-?mail\s*:/i.test(p)).map((p) => p.replace(/\s*:\s*/, ': ').replace(/\\+([_*#&~])/g, '$1'));
  return { emails: [...new Set(emails)], links: [...new Set(links)] };
}

export function extractOrganisations(doc: DocumentModel): Organisation[] {
  const found: Array<Omit<Organisation, 'id'>> = [];
  const blocks = doc.blocks.filter((b) => b.kind !== 'caption'); // logos between a description and its contacts
  for (let i = 0; i < blocks.length; i++) {
    const description = blocks[i]!;
    if (!isBody(description) || isContactLine(description)) continue;
    const lines: string[] = [];
    for (let j = i + 1; j < blocks.length && isContactLine(blocks[j]!); j++) lines.push(blocks[j]!.text);
    if (!lines.length) continue;
    const first = splitSentences(description.text)[0]?.text ?? description.text;
    found.push({ name: organisationName(first), founded_on: foundedOn(description.text), description: first, ...contacts(lines) });
    i += lines.length;
  }
  const ids = uniqueIds(found.map((o) => slug(o.name) || 'organisation')); // a name without a Latin letter has no slug
  return found.map((o, i) => ({ id: ids[i]!, ...o }));
}
