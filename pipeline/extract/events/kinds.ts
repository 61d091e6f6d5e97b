/**
 * The kinds of event and the words that state them. A sentence may hold
 * several: where two matches overlap ("left the verdict unchanged" holds
 * "verdict"), the kind listed first wins.
 */
import type { DETENTIONS, EventKind } from '../../model/records/events.js';

/** One pattern from alternatives, each a whole-word phrase. */
const anyOf = (...phrases: string[]) => new RegExp(phrases.map((p) => String.raw`\b${p}\b`).join('|'));
const HIS = '(?:the|his|her)';

export const KIND_PATTERNS: Array<[Exclude<EventKind, 'other'>, RegExp]> = [
  [
    'appeal_rejected',
    anyOf(
      `left ${HIS} (?:verdict|sentence) unchanged`,
      `upheld ${HIS} (?:verdict|sentence)`,
      '(?:verdict|sentence) was upheld',
      `(?:rejected|dismissed) ${HIS} appeal`,
      'appeal was (?:rejected|dismissed)',
    ),
  ],
  [
    'sentence_changed',
    anyOf(
      `commuted ${HIS} (?:sentence|punishment)`,
      `(?:changed|replaced|reduced|increased|mitigated) ${HIS} (?:sentence|punishment)`,
      '(?:sentence|punishment) was (?:made harsher|changed|reduced|increased|replaced|commuted|mitigated)',
    ),
  ],
  ['trial_started', anyOf('trial[^.;]{0,60}?(?:began|started|begins|opened)', '(?:began|started|opened) (?:the|a|his|her) trial')],
  ['hunger_strike', anyOf('hunger[- ]strik(?:e|es|ing)')],
  ['released', /(?<!\bnot )\breleased\b|\bhouse arrest\b|\bon recognisance\b|\bamnestied\b|\bacquitted\b/],
  // "was transferred to a colony", not "transferred 500,000 tenge"
  [
    'transferred',
    anyOf('(?:was|were|been|being) transferred', '(?:sent|moved|taken|transferred) to (?:a|the|another) (?:penal colony|colony|prison)'),
  ],
  [
    'ill_treatment',
    anyOf('tortured', 'subjected to (?:torture|violence|ill[- ]treatment|beatings)', 'beaten', 'ill[- ]treated', 'punishment cell'),
  ],
  [
    'charged',
    anyOf(
      'charged',
      'indicted',
      'charges were brought',
      '(?:opened|initiated|launched) (?:a )?criminal case',
      '(?:criminal )?case (?:was |has been |had been )?(?:opened|initiated|launched|brought)',
    ),
  ],
  ['convicted', anyOf('convicted', 'sentenced', 'verdict', 'found guilty', 'received (?:his|her|a) (?:\\w+ )?sentence')],
  [
    'detained',
    anyOf(
      'detained',
      'arrested',
      'imprisoned',
      'kept in (?:custody|detention|a pre-trial detention facility)',
      '(?:taken|placed) (?:in|into|under) (?:custody|detention|a pre-trial detention facility|a psychiatric hospital|extradition arrest)',
      '(?:in|under) (?:detention|custody|arrest) (?:ever )?since',
      'date of (?:arrest|detention)',
      'is calculated from',
    ),
  ],
];

/** Compiled once: a report has thousands of sentences. */
const GLOBAL_PATTERNS = KIND_PATTERNS.map(([kind, re]) => [kind, new RegExp(re.source, 'gi')] as const);

export interface KindMatch {
  kind: Exclude<EventKind, 'other'>;
  index: number;
  length: number;
}

const overlaps = (a: KindMatch, b: KindMatch) => a.index < b.index + b.length && b.index < a.index + a.length;

/** Every kind word in the text, in order; of two overlapping matches the earlier-listed kind stays. */
export function findKindWords(text: string): KindMatch[] {
  const kept: KindMatch[] = [];
  for (const [kind, re] of GLOBAL_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const match = { kind, index: m.index, length: m[0].length };
      if (!kept.some((k) => overlaps(k, match))) kept.push(match);
    }
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** The kind of detention a detained event states; only criminal and extradition detentions start custody in the case. */
const DETENTION_KINDS: Array<[RegExp, Exclude<(typeof DETENTIONS)[number], 'criminal'>]> = [
  // "arrested for 15 days": an administrative arrest; "arrested for 2 months" is a court's order of pre-trial detention
  [/^\w+\s+for\s+(?:\d+|\w+)\s+(?:days?|weeks?)\b|\badministrative arrest/i, 'administrative'],
  [/^\w+\s+for\s+(?:\d+|\w+)\s+months?\b/i, 'arrest_order'],
  [/\bextradition\b/i, 'extradition'],
  [/\bpsychiatric\b/i, 'psychiatric'],
];
export const detentionOf = (sentence: string, keywordAt: number) =>
  DETENTION_KINDS.find(([re], i) => re.test(i < 2 ? sentence.slice(keywordAt) : sentence))?.[1] ?? 'criminal';
/** Detentions in the case: the earliest starts custody. An administrative arrest or a psychiatric placement does not. */
export const STARTS_CUSTODY: ReadonlySet<string> = new Set(['criminal', 'extradition', 'arrest_order']);

/** "The term is calculated from …": a detained event that also states the start of the prison term. */
export const TERM_START = /\b(?:term|sentence)\b[^.]*\bcalculated from\b/i;
