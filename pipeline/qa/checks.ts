/**
 * Quality checks over the extracted tables and the document: what the report
 * says against what its rows hold, and places where the report contradicts
 * itself. Findings are information for the reader, each with its line; they
 * never stop a build.
 */
import { datesAgree, isBefore } from '../lib/dates.js';
import { reportDate } from '../extract/events/index.js';
import type { Event } from '../model/records/events.js';
import { domainOf } from '../lib/urls.js';
import { findCounts } from '../lib/counts.js';
import { numberingBreaks } from '../lib/numbering.js';
import { locatedToc, tocOf } from '../lib/toc-entries.js';
import { describePlace, placeOf, positionsOverFile } from '../extract/provenance.js';
import type { DocumentModel } from '../model/document.js';
import { isBody } from '../model/document.js';
import type { Dataset } from '../model/tables.js';
import { byText, naturally } from '../lib/order.js';
import { NAME_LETTERS } from '../lib/capitals.js';

/** A finding and where it is: the line (on `page` in a PDF build: one way of counting, as the published rows count). */
export interface Finding {
  message: string;
  line: number;
  page?: number;
}

export interface Check {
  id: string;
  title: string;
  /** What the check compares, in one sentence for the reader. */
  description: string;
  passed: boolean;
  findings: Finding[];
}

/**
 * A check reads rows and blocks with lines counted over the whole file; `at` names a line for a message
 * ("line 12", or "page 3, line 5" in a PDF build).
 */
type CheckFn = (doc: DocumentModel, data: Dataset, at: (line: number) => string) => Finding[];

const byLine = (a: Finding, b: Finding) => a.line - b.line || byText(a.message, b.message);

export interface StatedTotal {
  unit: string;
  stated: number;
  rows: number;
  line: number;
  page?: number;
}

/** The report's totals of political prisoners, convicted and pre-trial, each with the number of rows in the list. */
export function statedTotals(doc: DocumentModel, { prisoners }: Dataset): StatedTotal[] {
  const rows: Record<string, number> = {
    'political prisoners': prisoners.length,
    'people convicted': prisoners.filter((p) => p.list === 'convicted').length,
    'people in pre-trial detention': prisoners.filter((p) => p.list === 'pre_trial').length,
  };
  const out: StatedTotal[] = [];
  for (const b of doc.blocks) {
    if (!isBody(b)) continue;
    const counts = findCounts(b.text);
    // The convicted and pre-trial parts count only in a sentence that states the total.
    const totalSentences = new Set(counts.filter((c) => c.unit === 'political prisoners').map((c) => c.start));
    for (const c of counts) {
      if (c.unit in rows && totalSentences.has(c.start))
        out.push({ unit: c.unit, stated: c.value, rows: rows[c.unit]!, line: b.line_start });
    }
  }
  return out;
}

const totalsAgainstRows: CheckFn = (doc, data) =>
  statedTotals(doc, data)
    .filter((t) => t.stated !== t.rows)
    .map((t) => ({ message: `the report states ${t.stated} ${t.unit}; the list has ${t.rows}`, line: t.line }));

/** Two to four capitalised words of two letters or more (no initials), not running on into another word. */
const NAME_WORD = String.raw`\p{Lu}[${NAME_LETTERS}]+`;
const NAME = new RegExp(String.raw`^${NAME_WORD}(?:\s+${NAME_WORD}){1,3}(?![${NAME_LETTERS}])`, 'u');

/** "six leaders of the party – A, B, C, D and E": the number stated against the names listed. */
const namedCounts: CheckFn = (doc) => {
  const findings: Finding[] = [];
  for (const b of doc.blocks) {
    if (!isBody(b)) continue;
    for (const c of findCounts(b.text)) {
      if (!c.unit.startsWith('people')) continue;
      const tail = c.sentence.slice(c.sentence.indexOf(c.subject) + c.subject.length);
      const list = /^[^.]*?(?:\s[–—-]\s|:\s)([^.;]+)/.exec(tail)?.[1];
      if (!list) continue;
      const names: string[] = [];
      for (const part of list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
        const name = NAME.exec(part.trim())?.[0];
        if (!name) break;
        names.push(name);
        if (name !== part.trim()) break; // "E were convicted …": the list ends with E
      }
      if (names.length >= 2 && names.length !== c.value) {
        findings.push({
          message: `the report says ${c.value} ("${c.subject.slice(0, 60)}") but names ${names.length}: ${names.join(', ')}`,
          line: b.line_start,
        });
      }
    }
  }
  return findings;
};

/** Each list numbered 1..n and footnotes numbered 1..n, without gaps or repeats. */
const numbering: CheckFn = (doc, { prisoners }) => {
  const findings: Finding[] = [];
  const sequence = (what: string, items: Array<{ n: number; line: number }>) => {
    for (const { index, number: n, expected } of numberingBreaks(items.map((i) => i.n))) {
      const line = items[index]!.line;
      if (n < expected) findings.push({ message: `${what} ${n} appears again (expected ${expected})`, line });
      else findings.push({ message: `${what} numbering jumps from ${expected - 1} to ${n}`, line });
    }
  };
  for (const list of ['convicted', 'pre_trial'] as const) {
    sequence(
      `${list === 'convicted' ? 'convicted' : 'pre-trial'} list entry`,
      prisoners.filter((p) => p.list === list).map((p) => ({ n: p.number, line: p.source.line_start })),
    );
  }
  sequence(
    'footnote',
    doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [{ n: b.number, line: b.line_start }] : [])),
  );
  return findings;
};

/** Footnotes defined but never cited, and citations of footnotes never defined. */
const footnoteCitations: CheckFn = (doc) => {
  const defined = new Map<number, number>();
  const cited = new Map<number, number>();
  for (const b of doc.blocks) {
    if (b.kind === 'footnote' && !defined.has(b.number)) defined.set(b.number, b.line_start);
    for (const r of b.refs) if (!cited.has(r.n)) cited.set(r.n, b.line_start);
  }
  const findings: Finding[] = [];
  for (const [n, line] of defined) if (!cited.has(n)) findings.push({ message: `footnote ${n} is never cited in the text`, line });
  for (const [n, line] of cited) if (!defined.has(n)) findings.push({ message: `footnote ${n} is cited but never defined`, line });
  return findings;
};

const footnoteLines = (doc: DocumentModel) =>
  new Map(doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [[b.number, b.line_start] as const] : [])));

/** The same URL cited by two or more footnotes. */
const duplicateUrls: CheckFn = (doc, { footnotes }) => {
  const lines = footnoteLines(doc);
  const byUrl = new Map<string, number[]>();
  for (const f of footnotes) for (const u of f.urls) byUrl.set(u, [...(byUrl.get(u) ?? []), f.number]);
  return [...byUrl]
    .filter(([, ns]) => ns.length > 1)
    .map(([url, ns]) => ({ message: `footnotes ${ns.join(', ')} cite the same URL ${url}`, line: lines.get(ns[1]!) ?? 1 }));
};

/** URLs that are not well-formed: whitespace inside, no host. Kept as printed in the data. */
const malformedUrls: CheckFn = (doc, { footnotes }) => {
  const lines = footnoteLines(doc);
  return footnotes.flatMap((f) =>
    f.urls.flatMap((u) => {
      const problem = /\s/.test(u) ? 'has a space inside' : domainOf(u) === null ? 'has no readable host' : null;
      return problem
        ? [{ message: `footnote ${f.number}: the URL ${problem} (kept as printed): ${u}`, line: lines.get(f.number) ?? 1 }]
        : [];
    }),
  );
};

/** A prisoner's name spelled differently in different places. */
const nameVariants: CheckFn = (_doc, { prisoners, mentions }, at) =>
  prisoners.flatMap((p) => {
    if (!p.aliases.length) return [];
    const where = p.aliases.map((a) => {
      const line = mentions.find((m) => m.prisoner_id === p.id && m.name_as_printed === a)?.line;
      return `"${a}" (${line === undefined ? 'line ?' : at(line)})`;
    });
    return [
      {
        message:
          `${p.name_as_printed} (entry ${p.list === 'convicted' ? 'convicted' : 'pre-trial'} no. ${p.number}) ` +
          `is also spelled ${where.join(', ')}`,
        line: p.source.line_start,
      },
    ];
  });

/** An article quoted with different labels in different entries. */
const articleLabels: CheckFn = (_doc, { articles, charges, prisoners }, at) => {
  const lineOf = new Map(prisoners.map((p) => [p.id, p.source.line_start]));
  return articles.flatMap((a) => {
    if (a.label_variants.length < 2) return [];
    const where = a.label_variants.map((l) => {
      const lines = charges.filter((c) => c.article === a.article && c.label === l).map((c) => lineOf.get(c.prisoner_id)!);
      return `"${l}" (${lines.map(at).join('; ')})`;
    });
    const first = Math.min(...charges.filter((c) => c.article === a.article).map((c) => lineOf.get(c.prisoner_id)!));
    return [{ message: `Article ${a.article} is labelled ${a.label_variants.length} ways: ${where.join('; ')}`, line: first }];
  });
};

/**
 * One label quoted for two article numbers ("propaganda of terrorism" as Article 256 in several entries and
 * once as another number): most likely a typo in the report. The data keeps the article as printed; the
 * finding names the less frequent number's lines and the lines of the number the label usually carries.
 */
const labelOnTwoArticles: CheckFn = (_doc, { charges, prisoners }, at) => {
  const lineOf = new Map(prisoners.map((p) => [p.id, p.source.line_start]));
  const byLabel = new Map<string, Map<string, number[]>>();
  for (const c of charges) {
    if (!c.label) continue;
    const articles = byLabel.get(c.label.toLowerCase()) ?? new Map<string, number[]>();
    articles.set(c.article, [...(articles.get(c.article) ?? []), lineOf.get(c.prisoner_id)!]);
    byLabel.set(c.label.toLowerCase(), articles);
  }
  return [...byLabel].flatMap(([label, articles]) => {
    if (articles.size < 2) return [];
    const ranked = [...articles].sort(([a, x], [b, y]) => y.length - x.length || naturally(a, b));
    const [usual, usualLines] = ranked[0]!;
    return ranked.slice(1).map(([odd, lines]) => ({
      message:
        `"${label}" is quoted as Article ${odd} (${lines.map(at).join('; ')}) ` +
        `and as Article ${usual} (${usualLines.map(at).join('; ')}): ` +
        'one of them is likely a typo in the report (the data keeps the article as printed)',
      line: Math.min(...lines),
    }));
  });
};

/** The facts whose dates the entry and the rest of the report are compared on. */
const FACTS: Array<{ fact: string; kind: Event['kind']; field: 'convicted_on' | 'custody_since' }> = [
  { fact: 'verdict', kind: 'convicted', field: 'convicted_on' },
  { fact: 'detention', kind: 'detained', field: 'custody_since' },
];
/**
 * Detentions compared: not an administrative arrest or a psychiatric placement (not the case), nor a court's
 * arrest order "for N months" (dated when ordered, after the detention).
 */
const inCase = (e: Event) => e.kind !== 'detained' || e.detention === 'criminal' || e.detention === 'extradition';

/**
 * A date given elsewhere in the report for a prisoner's verdict or detention
 * (a narrative event) that agrees with none the entry or its group gives for
 * that fact (a person may be detained twice); only where the entry gives one.
 */
const dateConflicts: CheckFn = (_doc, { prisoners, events }, at) => {
  const byId = new Map(prisoners.map((p) => [p.id, p]));
  const stated = new Map<string, string[]>();
  for (const g of events) {
    if (g.origin === 'narrative' || !inCase(g)) continue;
    const key = `${g.prisoner_id}|${g.kind}`;
    stated.set(key, [...(stated.get(key) ?? []), g.date]);
  }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const fact = FACTS.find((f) => f.kind === e.kind);
    if (!fact || e.origin !== 'narrative' || !inCase(e) || e.date.includes('/')) continue;
    const p = byId.get(e.prisoner_id)!;
    const given = stated.get(`${p.id}|${e.kind}`) ?? [];
    if (!given.length || given.some((d) => datesAgree(d, e.date)) || seen.has(`${p.id}|${fact.fact}|${e.date}`)) continue;
    seen.add(`${p.id}|${fact.fact}|${e.date}`);
    const entryDate = p[fact.field] ?? given[0];
    findings.push({
      message:
        `${p.name}: the entry (${at(p.source.line_start)}) gives the ${fact.fact} as ${entryDate}; ` +
        `here ${e.date} ("${e.text.slice(0, 120)}")`,
      line: e.source.line_start,
    });
  }
  return findings;
};

/** Events dated after the report's own date (a misprinted year, or a date read wrongly). */
const futureEvents: CheckFn = (doc, { events }) => {
  const asOf = reportDate(doc);
  if (!asOf) return [];
  return events
    .filter((e) => isBefore(asOf, e.date.split('/').at(-1)!))
    .map((e) => ({
      message: `${e.prisoner_id}: an event (${e.kind}) dated ${e.date}, after the report's date ${asOf} ("${e.text.slice(0, 100)}")`,
      line: e.source.line_start,
    }));
};

/** A verdict dated before the start of custody, and a term that would end before it starts. */
const caseOrder: CheckFn = (_doc, { prisoners }) =>
  prisoners.flatMap((p) => {
    const out: Finding[] = [];
    const line = p.source.line_start;
    if (p.convicted_on && p.custody_since && isBefore(p.convicted_on, p.custody_since)) {
      const verdict = `${p.convicted_on}, ${p.convicted_on_from}`,
        custody = `${p.custody_since}, ${p.custody_since_from}`;
      out.push({ message: `${p.name}: the verdict (${verdict}) is dated before custody began (${custody})`, line });
    }
    for (const [what, date] of [
      ['custody began', p.custody_since],
      ['the verdict', p.convicted_on],
    ] as const) {
      if (!p.term_ends_on || !date || !isBefore(p.term_ends_on, date)) continue;
      out.push({ message: `${p.name}: the term ends (${p.term_ends_on}) before ${what} (${date})`, line });
    }
    return out;
  });

/** Entries of the table of contents found nowhere in the text: neither a heading nor a passage opening them. */
const tocHeadings: CheckFn = (doc) => {
  const { at } = tocOf(doc);
  const tocLine = doc.blocks[at]?.line_start ?? 1;
  return locatedToc(doc)
    .filter((l) => l.found_as === null)
    .map(({ entry: e }) => ({
      message: `the table of contents lists "${e.title}" (page ${e.page}), but neither a heading nor a passage of the text matches it`,
      line: tocLine,
    }));
};

export const CHECKS: Array<Omit<Check, 'passed' | 'findings'> & { run: CheckFn }> = [
  {
    id: 'stated-totals',
    title: 'Stated totals against the list',
    description: 'The totals the report states (political prisoners, convicted, pre-trial) are compared with the entries of its list.',
    run: totalsAgainstRows,
  },
  {
    id: 'named-counts',
    title: 'Numbers against the names that follow them',
    description: 'Where a sentence gives a number of people and then names them, the names are counted.',
    run: namedCounts,
  },
  {
    id: 'numbering',
    title: 'Numbering of lists and footnotes',
    description: 'Each list and the footnotes run 1, 2, 3 … without gaps or repeats.',
    run: numbering,
  },
  {
    id: 'footnote-citations',
    title: 'Footnotes cited and defined',
    description: 'Every footnote is cited in the text, and every citation has a footnote.',
    run: footnoteCitations,
  },
  {
    id: 'duplicate-urls',
    title: 'The same source in several footnotes',
    description: 'URLs cited by more than one footnote.',
    run: duplicateUrls,
  },
  {
    id: 'malformed-urls',
    title: 'Malformed URLs',
    description: 'URLs with a space inside or without a host; the data keeps them as printed.',
    run: malformedUrls,
  },
  {
    id: 'name-variants',
    title: 'Names spelled more than one way',
    description: 'A prisoner named elsewhere in the report with a different spelling than in the entry.',
    run: nameVariants,
  },
  {
    id: 'article-labels',
    title: 'Articles with different labels',
    description: 'An article of the Criminal Code quoted with different wording in different entries.',
    run: articleLabels,
  },
  {
    id: 'label-on-two-articles',
    title: 'One label for two articles',
    description: 'An offence quoted with one article number in some entries and another elsewhere (likely a typo in the report).',
    run: labelOnTwoArticles,
  },
  {
    id: 'date-conflicts',
    title: 'The same fact with different dates',
    description: 'A date of verdict or detention given elsewhere in the report that agrees with none the entry gives.',
    run: dateConflicts,
  },
  {
    id: 'future-events',
    title: "Events after the report's date",
    description: 'An event dated after the date the report gives itself.',
    run: futureEvents,
  },
  {
    id: 'case-order',
    title: 'A case out of order',
    description: 'A verdict dated before custody began, or a term ending before either.',
    run: caseOrder,
  },
  {
    id: 'toc-headings',
    title: 'Table of contents against the text',
    description: 'Every entry of the table of contents is found in the text: a heading with its title, or the passage that opens it.',
    run: tocHeadings,
  },
];

export function runChecks(doc: DocumentModel, data: Dataset): Check[] {
  const overFile = positionsOverFile(data);
  const at = (line: number) => describePlace(placeOf(doc, line));
  return CHECKS.map(({ run, ...check }) => {
    const findings = run(doc, overFile, at)
      .sort(byLine)
      .map((f) => ({ message: f.message, ...placeOf(doc, f.line) }));
    return { ...check, passed: findings.length === 0, findings };
  });
}
