/** Every reference between tables points at an existing row: on the real report and on the synthetic one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../pipeline/model/tables.js';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf, REPORT_MD } from './helpers.js';

/** Each dangling reference as "table.field -> value". */
function danglingReferences(d: Dataset): string[] {
  const prisoners = new Set(d.prisoners.map((p) => p.id));
  const sections = new Set(d.sections.map((s) => s.id));
  const footnotes = new Set(d.footnotes.map((f) => f.number));
  const articles = new Set(d.articles.map((a) => a.article));
  const out: string[] = [];
  const need = (ok: boolean, what: string) => ok || out.push(what);
  for (const p of d.prisoners) for (const n of p.footnotes) need(footnotes.has(n), `prisoners.footnotes -> ${n}`);
  for (const s of d.sections) need(s.parent_id === null || sections.has(s.parent_id), `sections.parent_id -> ${s.parent_id}`);
  for (const f of d.footnotes) {
    for (const s of f.cited_in) need(sections.has(s), `footnotes.cited_in -> ${s}`);
    for (const p of f.cited_by) need(prisoners.has(p), `footnotes.cited_by -> ${p}`);
  }
  for (const c of d.charges) {
    need(prisoners.has(c.prisoner_id), `charges.prisoner_id -> ${c.prisoner_id}`);
    need(articles.has(c.article), `charges.article -> ${c.article}`);
  }
  for (const c of d.claims) {
    need(c.section_id === null || sections.has(c.section_id), `claims.section_id -> ${c.section_id}`);
    for (const n of c.footnotes) need(footnotes.has(n), `claims.footnotes -> ${n}`);
  }
  for (const e of d.events) {
    need(prisoners.has(e.prisoner_id), `events.prisoner_id -> ${e.prisoner_id}`);
    need(e.section_id === null || sections.has(e.section_id), `events.section_id -> ${e.section_id}`);
    for (const n of e.footnotes) need(footnotes.has(n), `events.footnotes -> ${n}`);
  }
  for (const m of d.mentions) {
    need(prisoners.has(m.prisoner_id), `mentions.prisoner_id -> ${m.prisoner_id}`);
    need(m.section_id === null || sections.has(m.section_id), `mentions.section_id -> ${m.section_id}`);
  }
  return out;
}

const real = extractAll(await readDocument(readFileSync(REPORT_MD), REPORT_MD), 'odf-2025-02-13-tough-year').dataset;
const synthetic = extractAll(modelOf(readFileSync(fixture('tables-report.md'), 'utf8')), 'fx').dataset;

describe('foreign keys', () => {
  it('hold on the real report', () => expect(danglingReferences(real)).toEqual([]));
  it('hold on the synthetic report', () => expect(danglingReferences(synthetic)).toEqual([]));
  it('the check finds a dangling reference', () => {
    const broken = {
      ...synthetic,
      charges: [{ ...synthetic.charges[0]!, prisoner_id: 'nobody' }],
      mentions: [{ ...synthetic.mentions[0]!, section_id: 'nowhere' }],
    };
    expect(danglingReferences(broken)).toEqual(['charges.prisoner_id -> nobody', 'mentions.section_id -> nowhere']);
  });
  it('no mention, claim or citation of the real report falls outside a section', () => {
    expect(real.mentions.filter((m) => m.section_id === null)).toEqual([]);
    expect(real.claims.filter((c) => c.section_id === null)).toEqual([]);
  });
});
