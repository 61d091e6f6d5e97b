#!/usr/bin/env node
/**
 * A synthetic report in the format of the real one, with N invented people,
 * for benchmarks: node bench/synthetic-report.mjs N > report.md
 * Names are built from syllables, so nothing here comes from the report.
 * Deterministic: the same N always gives the same bytes.
 */
const SYLLABLES = ['ar', 'ba', 'den', 'ka', 'lim', 'mur', 'na', 'or', 'sal', 'tan', 'ul', 'zhe', 'bek', 'gul', 'ras', 'sen'];
const capital = (s) => s[0].toUpperCase() + s.slice(1);

/** The i-th invented name: two syllables given, three family (16^2 x 16^3 unique pairs). */
function nameOf(i) {
  const s = (k) => SYLLABLES[k % SYLLABLES.length];
  const given = capital(s(i) + s(Math.floor(i / 16) + 3));
  const f = Math.floor(i / 256);
  const family = `${capital(s(i * 7 + 1) + s(f + 5) + s(Math.floor(f / 16) + 9))}ov`;
  return { given, family };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dateOf = (i) => `${1 + (i % 28)} ${MONTHS[i % 12]} ${2019 + (i % 5)}`;
const ARTICLES = [
  ['272', 'organisation of mass riots'],
  ['274', 'dissemination of knowingly false information'],
  ['405', 'participation in an extremist organisation'],
  ['174', 'incitement of discord'],
];

function entry(i, number, convicted, footnote) {
  const { given, family } = nameOf(i);
  const [article, label] = ARTICLES[i % ARTICLES.length];
  const bullet = i % 2 ? '- ' : '';
  const ref = footnote ? `<sup>${footnote}</sup>` : '';
  const first = convicted
    ? `${1 + (i % 9)} years' imprisonment under Article ${article} of the Criminal Code (“${label}”).`
    : `arrested on suspicion of “${label}” (Article ${article} of the Criminal Code).`;
  const rest = convicted
    ? ` Sentenced on ${dateOf(i)}. ${given} ${family} has been in detention since ${dateOf(i + 3)}.`
    : ` Detained on ${dateOf(i)}.`;
  return `${bullet}${number} **${given} ${family.toUpperCase()}** – ${first}${rest}${ref}`;
}

function list(start, count, convicted, footnotes) {
  const out = [];
  for (let n = 1; n <= count; n++) {
    if ((n - 1) % 12 === 0)
      out.push(
        `### Group ${Math.floor((n - 1) / 12) + 1} of the ${convicted ? 'convicted' : 'detained'}`,
        '',
        `The members of this group were detained on ${dateOf(start + n)}.`,
        '',
      );
    const withNote = n % 3 === 0;
    const note = withNote ? footnotes.length + 1 : 0;
    out.push(entry(start + n, n, convicted, note), '');
    if (withNote) {
      footnotes.push(note);
      out.push(`<sup>${note}</sup> <https://example.org/case/${note}>`, '');
    }
  }
  return out;
}

export function syntheticReport(total) {
  const convicted = Math.round((total * 40) / 48);
  const footnotes = [];
  const lines = [
    '# A SYNTHETIC YEAR',
    '',
    `## ${total} political prisoners in Examplestan`,
    '',
    '## SUMMARY',
    '',
    `There are **at least ${total} political prisoners**: ${convicted} convicted and ${total - convicted} in pre-trial detention.`,
    '',
    '## THE LIST OF POLITICAL PRISONERS',
    '',
    '## CONVICTED',
    '',
    ...list(0, convicted, true, footnotes),
    '**UNDER ARREST IN A PRE-TRIAL DETENTION FACILITY**',
    '',
    ...list(convicted, total - convicted, false, footnotes),
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.argv[2] ?? 4800);
  if (!Number.isInteger(total) || total < 2) {
    process.stderr.write('usage: node bench/synthetic-report.mjs N > report.md  (N >= 2 entries)\n');
    process.exit(2);
  }
  process.stdout.write(syntheticReport(total));
}
