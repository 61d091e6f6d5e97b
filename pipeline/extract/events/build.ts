/**
 * The events of each prisoner: the dated statements of the entry, of its
 * group's introduction (stated for every member) and of sentences elsewhere
 * that name the prisoner (found by the mentions matcher).
 */
import { splitSentences } from '../../lib/text.js';
import type { BodyBlock, DocumentModel } from '../../model/document.js';
import { isBody } from '../../model/document.js';
import type { Event } from '../../model/records/events.js';
import type { NameMention } from '../mentions.js';
import { readStatements, type Statement } from './read.js';
import { CAPITALISED_WORD } from '../../lib/capitals.js';
import { groupBy } from '../../lib/group.js';

export interface TimelineSource {
  prisoner_id: string;
  /** The entry's blocks and its group's introduction. */
  blocks: BodyBlock[];
  groupIntro: BodyBlock[];
}

interface Sentence {
  text: string;
  start: number;
  block: BodyBlock;
}

const sentencesOf = (blocks: BodyBlock[]): Sentence[] =>
  blocks.flatMap((block) => splitSentences(block.text).map((s) => ({ text: s.text, start: s.start, block })));

/** "Aidos Testov, one of those arrested, was released": about one member, not the whole group. */
const ABOUT_ONE = /\bone of (?:those|them|the)\b/i;
/** A sentence naming three or more prisoners is a roll of names (an appeal, a list), not a statement of one case. */
const MAX_NAMED = 2;

type Draft = Omit<Event, 'id'>;

function toDraft(prisoner_id: string, origin: Event['origin'], s: Statement, sentence: Sentence, sourceId: string): Draft {
  const end = sentence.start + sentence.text.length;
  const footnotes = [...new Set(sentence.block.refs.filter((r) => r.at >= sentence.start && r.at <= end).map((r) => r.n))];
  const { block } = sentence;
  return {
    prisoner_id,
    date: s.date,
    date_qualifier: s.qualifier,
    date_relative: s.relative,
    kind: s.kind,
    detention: s.detention,
    origin,
    section_id: null,
    text: sentence.text,
    footnotes,
    source: { id: sourceId, line_start: block.line_start, line_end: block.line_end, ...(block.page ? { page: block.page } : {}) },
  };
}

const read = (sentences: Sentence[]) =>
  readStatements(sentences.map((s) => s.text)).map((st) => ({ st, sentence: sentences[st.sentence]! }));

/** Statements of a group's introduction that hold for every member: a stated kind, not about one person. */
function groupStatements(intro: BodyBlock[], cache: Map<BodyBlock[], ReturnType<typeof read>>) {
  const forAll = ({ st, sentence }: ReturnType<typeof read>[number]) => st.kind !== 'other' && !ABOUT_ONE.test(sentence.text);
  if (!cache.has(intro)) cache.set(intro, read(sentencesOf(intro)).filter(forAll));
  return cache.get(intro)!;
}

/** A family name alone counts only where no capitalised word precedes it: "Berik Testov" is someone else of the family. */
const AFTER_CAPITALISED = new RegExp(String.raw`${CAPITALISED_WORD}\s+$`, 'u');

/** The name as the matcher found it printed, whole; a family name alone not as the second word of another name. */
function printedIn(text: string, printed: string): boolean {
  const alone = !/\s/.test(printed);
  for (let at = text.indexOf(printed); at >= 0; at = text.indexOf(printed, at + 1)) {
    const whole = !/[\p{L}]/u.test(text[at + printed.length] ?? '') && !/[\p{L}]/u.test(text[at - 1] ?? '');
    if (whole && !(alone && AFTER_CAPITALISED.test(text.slice(0, at)))) return true;
  }
  return false;
}

/**
 * Statements of a mention's block, for each prisoner those in sentences that name the prisoner, as the mentions
 * matcher found the name printed there (a family name alone only where the
 * section names no namesake), and no more than MAX_NAMED prisoners in all.
 */
function namingStatements(block: BodyBlock, mentions: NameMention[]) {
  const named = (s: Sentence) => new Set(mentions.filter((m) => printedIn(s.text, m.name_as_printed)).map((m) => m.prisoner_id));
  const statements = read(sentencesOf([block])).map((r) => ({ ...r, named: named(r.sentence) }));
  return (prisonerId: string) => statements.filter((r) => r.named.has(prisonerId) && r.named.size <= MAX_NAMED);
}

/** Drafts of every prisoner's events: entry, group, then narrative, each in text order. */
export function draftEvents(doc: DocumentModel, sources: TimelineSource[], mentions: NameMention[], sourceId: string): Draft[] {
  const groupCache = new Map<BodyBlock[], ReturnType<typeof read>>();
  const narrativeCache = new Map<BodyBlock, ReturnType<typeof namingStatements>>();
  const byLine = new Map(doc.blocks.filter(isBody).map((b) => [b.line_start, b]));
  const mentionsByLine = groupBy(mentions, (m) => m.line);
  const linesByPrisoner = groupBy(mentions, (m) => m.prisoner_id);
  const drafts: Draft[] = [];
  for (const p of sources) {
    for (const { st, sentence } of read(sentencesOf(p.blocks))) drafts.push(toDraft(p.prisoner_id, 'entry', st, sentence, sourceId));
    for (const { st, sentence } of groupStatements(p.groupIntro, groupCache)) {
      drafts.push(toDraft(p.prisoner_id, 'group', st, sentence, sourceId));
    }
    const lines = [...new Set((linesByPrisoner.get(p.prisoner_id) ?? []).map((m) => m.line))];
    for (const line of lines) {
      const block = byLine.get(line);
      if (!block) continue;
      if (!narrativeCache.has(block)) narrativeCache.set(block, namingStatements(block, mentionsByLine.get(line)!));
      for (const { st, sentence } of narrativeCache.get(block)!(p.prisoner_id)) {
        drafts.push(toDraft(p.prisoner_id, 'narrative', st, sentence, sourceId));
      }
    }
  }
  return drafts;
}
