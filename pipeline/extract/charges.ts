/** The charges table: the prisoners' charges, one row per prisoner and article. */
import { CRIMINAL_CODE, type ChargeRow } from '../model/records/charges.js';
import type { Prisoner } from '../model/records/prisoners.js';

export const extractCharges = (prisoners: Prisoner[]): ChargeRow[] =>
  prisoners.flatMap((p) => p.charges.map((c) => ({ prisoner_id: p.id, article: c.article, label: c.label, code: CRIMINAL_CODE })));
