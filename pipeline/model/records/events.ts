/** The events table: one row per dated fact the report states about a prisoner (docs/events.md). */
import { z } from 'zod';
import { DateOrRange, SourceRef } from './common.js';
import { SectionId } from './sections.js';

export const EVENT_KINDS = [
  'detained',
  'charged',
  'trial_started',
  'convicted',
  'sentence_changed',
  'appeal_rejected',
  'transferred',
  'released',
  'hunger_strike',
  'ill_treatment',
  'other',
] as const;
export const EventKind = z
  .enum(EVENT_KINDS)
  .describe(
    'detained (detained, arrested, placed in custody or pre-trial detention); charged (case opened, charged, indicted); trial_started; ' +
      'convicted (verdict or sentence passed, a later second sentence too); ' +
      'sentence_changed (a court changed or commuted the sentence); ' +
      'appeal_rejected (verdict left unchanged); transferred; released (house arrest and recognisance too); ' +
      'hunger_strike; ill_treatment; ' +
      'other (a dated statement of none of these kinds)',
  );

export const DETENTIONS = ['criminal', 'arrest_order', 'administrative', 'extradition', 'psychiatric'] as const;
export const EventOrigin = z
  .enum(['entry', 'group', 'narrative'])
  .describe(
    "entry: the prisoner's own entry; group: the introduction of the entry's group, stated for every member; " +
      'narrative: elsewhere in the report, in a sentence naming the prisoner',
  );

export const Event = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .describe("Stable id: prisoner id, kind, date and the ordinal among that person's events of that kind and date"),
    prisoner_id: z.string().describe('prisoners.id'),
    date: DateOrRange,
    date_qualifier: z
      .enum(['early', 'mid', 'late'])
      .nullable()
      .describe('"in early May 2023", "the beginning of 2019" -> early; null when the date is printed plainly'),
    date_relative: z.boolean().describe('Read from a relative phrase ("the next day", "a few days later") and the date stated before it'),
    kind: EventKind,
    detention: z
      .enum(DETENTIONS)
      .nullable()
      .describe(
        'For detained events: administrative (an arrest "for N days"), arrest_order (a court\'s pre-trial arrest "for N months"), ' +
          'extradition, psychiatric (placed in a psychiatric hospital), else criminal; null for other kinds',
      ),
    origin: EventOrigin,
    section_id: SectionId.nullable().describe('Section the sentence is in'),
    text: z.string().min(1).describe('The sentence the event was read from, footnote markers removed'),
    footnotes: z.array(z.number().int().positive()).describe('Footnotes cited in that sentence'),
    source: SourceRef,
  })
  .describe('One dated fact about a prisoner');
export type Event = z.infer<typeof Event>;
export type EventKind = z.infer<typeof EventKind>;
