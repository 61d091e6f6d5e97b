/**
 * The QA report of a release: qa.json (every check, pass/fail, findings with
 * their line) and qa.md (the same for a reader: what was checked, what the
 * data says, what in the report looks inconsistent). Added to a release as
 * extra files; deterministic like every other file.
 */
import { basename } from 'node:path';
import type { DocumentModel } from '../model/document.js';
import type { Dataset } from '../model/tables.js';
import { describePlace, placeOf } from '../extract/provenance.js';
import { type Check, runChecks, type StatedTotal, statedTotals } from './checks.js';
import { plural } from '../lib/counts.js';

export interface QaReport {
  source_file: string;
  summary: Record<string, number>;
  /** Every total the report states for its list, with the rows the list has. */
  stated_totals: StatedTotal[];
  checks: Check[];
}

function summarise(data: Dataset): Record<string, number> {
  const { prisoners, footnotes, articles } = data;
  return {
    prisoners: prisoners.length,
    convicted: prisoners.filter((p) => p.list === 'convicted').length,
    pre_trial: prisoners.filter((p) => p.list === 'pre_trial').length,
    footnotes: footnotes.length,
    footnotes_with_urls: footnotes.filter((f) => f.kind === 'url').length,
    footnote_notes: footnotes.filter((f) => f.kind === 'note').length,
    distinct_urls: new Set(footnotes.flatMap((f) => f.urls)).size,
    charges: data.charges.length,
    articles: articles.length,
    articles_listed_as_political: articles.filter((a) => a.listed_as_political).length,
    prisoners_charged_under_a_political_article: new Set(
      data.charges.filter((c) => articles.find((a) => a.article === c.article)?.listed_as_political).map((c) => c.prisoner_id),
    ).size,
    sections: data.sections.length,
    organisations: data.organisations.length,
    claims: data.claims.length,
    mentions: data.mentions.length,
    prisoners_mentioned_outside_their_entry: new Set(data.mentions.map((m) => m.prisoner_id)).size,
  };
}

export const buildQaReport = (doc: DocumentModel, data: Dataset): QaReport => ({
  source_file: basename(doc.file),
  summary: summarise(data),
  stated_totals: statedTotals(doc, data).map((t) => ({ ...t, ...placeOf(doc, t.line) })),
  checks: runChecks(doc, data),
});

const PAGED = ' (a page and the line on it, running headers and footers not counted)';

/** `paged`: a PDF build, whose places are a page and a line on it. */
function toMarkdown(qa: QaReport, paged: boolean): string {
  const s = qa.summary;
  const failed = qa.checks.filter((c) => !c.passed);
  const out = [
    `# Quality report: ${qa.source_file}`,
    '',
    'This release was checked against the report itself. A finding is something in the report a reader should know about,',
    `not an error in the data. Line numbers refer to \`${qa.source_file}\`${paged ? PAGED : ''}. ` +
      `${qa.checks.length} checks ran; ${failed.length} have findings.`,
    '',
    '## What the data says',
    '',
    `- ${s.prisoners} political prisoners: ${s.convicted} convicted, ${s.pre_trial} in pre-trial detention.`,
    ...qa.stated_totals.map(
      (t) =>
        `  - ${describePlace(t)}: the report states ${t.stated} ${t.unit}; ` +
        `the list has ${t.rows}${t.stated === t.rows ? '.' : ' (see below).'}`,
    ),
    `- ${s.charges} charges under ${s.articles} articles of the Criminal Code; ` +
      `the report calls ${s.articles_listed_as_political} of them "political", ` +
      `and ${s.prisoners_charged_under_a_political_article} prisoners are charged under at least one of those.`,
    `- ${s.footnotes} footnotes: ${s.footnotes_with_urls} cite a URL (${s.distinct_urls} distinct), ${s.footnote_notes} are notes.`,
    `- ${s.prisoners_mentioned_outside_their_entry} prisoners are named outside their own entry (${s.mentions} mentions); ` +
      `${s.claims} numeric statements; ${s.sections} sections; ${s.organisations} authoring organisations.`,
    '',
    '## What was checked',
    '',
    '| check | what is compared | result |',
    '|---|---|---|',
    ...qa.checks.map((c) => `| ${c.title} | ${c.description} | ${c.passed ? 'no findings' : plural(c.findings.length, 'finding')} |`),
    '',
  ];
  if (failed.length) out.push('## What looks inconsistent', '');
  for (const c of failed) {
    out.push(`### ${c.title}`, '', c.description, '');
    for (const f of c.findings) out.push(`- ${describePlace(f)}: ${f.message.replace(/\|/g, '\\|')}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** qa.json and qa.md, to add to a rendered release. */
export function qaFiles(doc: DocumentModel, data: Dataset): Map<string, Buffer> {
  const qa = buildQaReport(doc, data);
  return new Map([
    ['qa.json', Buffer.from(`${JSON.stringify(qa, null, 2)}\n`)],
    ['qa.md', Buffer.from(toMarkdown(qa, !!doc.pageStarts?.length))],
  ]);
}
