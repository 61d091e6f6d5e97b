import { isCapitalised } from './capitals.js';
import { normalCase } from './text.js';

export interface PersonName {
  /** Normal case, given names first: "Zhan-Marat Examplov". */
  name: string;
  given_name: string;
  family_name: string;
}

/**
 * Split a printed name into given and family names. The report prints the
 * family name in capitals ("Daulet ORAZALIYEV"); where no word is in
 * capitals, the last word is the family name.
 */
export function splitName(printed: string): PersonName {
  const words = printed.trim().split(/\s+/);
  let family = words.filter(isCapitalised);
  if (family.length === 0 || family.length === words.length) family = words.slice(-1);
  const given = words.filter((w) => !family.includes(w));
  const family_name = family.map(normalCase).join(' ');
  const given_name = given.map((w) => (isCapitalised(w) ? normalCase(w) : w)).join(' ');
  return { name: [given_name, family_name].filter(Boolean).join(' '), given_name, family_name };
}
