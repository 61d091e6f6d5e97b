/**
 * The bad-input corpus: what users will feed the pipeline, each with the
 * outcome promised. Inputs are made here (small ones from the synthetic
 * fixture, large ones at test time, the real report read from the mirror),
 * never committed. tests/corpus.test.ts runs every case through the CLI.
 */
import { closeSync, openSync, readFileSync, ftruncateSync } from 'node:fs';
import { fixture, REPORT_MD } from '../helpers.js';
import { costlyCases, costlyPdfCases } from './costly.js';
import { encryptedPdf, noPagesPdf, noTextPdf, truncatedPdf } from './pdf.js';

/** A reference dataset the case must reproduce exactly: the same document, plain UTF-8 with LF. */
export type Reference = 'mini' | 'report' | 'report-latin';

export type Expect =
  /** Refused: this exit code, one line `kzpp: error: FILE[:page P][:line L]: ...` matching `message`; nothing anywhere changed. */
  | { exit: number; file: (c: CaseDirs) => string; line?: number; message: RegExp; debug?: boolean }
  /** Still the report: the same dataset as the reference. */
  | { exit: 0; same: Reference }
  /** Still a document in the report's format: published, with these warnings (file:line) on stderr, and `check` on the dataset. */
  | { exit: 0; warnings: Array<{ line?: number; message: RegExp }>; check: (prisoners: Array<Record<string, unknown>>) => void };

export interface CaseDirs {
  /** The case's own directory: the project root (cwd) for build cases, holding `dist/`; for extract cases it holds the input and `out/`. */
  dir: string;
  /** The input document (extract) or the mirror's copy of the source file (build). */
  input: string;
  mirror: string;
  /** Build cases: the copy of the program the case runs, holding its own sources/ (found from the program, not the cwd). */
  app: string;
}

export interface ExtractCase {
  name: string;
  run: 'extract';
  /** File name of the input (its extension picks the front end, its name the source id). */
  file: string;
  /** The input's bytes; or `write` makes a large file directly. */
  bytes?: () => Buffer;
  write?: (path: string) => void;
  /** Name of an OUT that already exists as a file (default: the directory "out"). */
  out?: string;
  /** Must end within the cost bound (COST_BOUND: wall time and peak RSS, measured from outside). */
  bounded?: boolean;
  expect: Expect;
}

/** A build of the synthetic source "demo" (the fixture, declared in sources/demo/source.json, served by a mirror). */
export interface BuildCase {
  name: string;
  run: 'build';
  /** Change the good manifest and mirror: return the manifest's text, or undefined to leave none; `mirror` bytes replace the fixture (null: no file). */
  manifest?: (m: Manifest) => Manifest | string;
  mirror?: () => Buffer | null;
  /** The manifest declares the mirror's bytes (checksum and size), so the build reads them. */
  declareMirror?: boolean;
  write?: (path: string) => void;
  /** Run a copy of the program whose package.json has this version. */
  version?: string;
  source?: string;
  /** Name of a --dist that already exists as a file (default: the directory "dist"). */
  dist?: string;
  expect: Expect;
}

export type Case = ExtractCase | BuildCase;
export type Manifest = Record<string, unknown> & { files: Array<Record<string, unknown>>; assertions: Record<string, number> };

export const MINI = () => readFileSync(fixture('mini-report.md'), 'utf8');
/** A web page around `body`, its encoding declared on line 3. */
const PAGE = (body: string) =>
  `<!DOCTYPE html>\n<html><head>\n<meta charset="utf-8"><title>A difficult year</title></head>\n<body>${body}</body></html>\n`;
export const REPORT = () => readFileSync(REPORT_MD, 'utf8');

/** The real report with its few characters outside Windows-1252 (a Cyrillic quotation) made "?": the text a Windows-1252 copy can hold. */
export const latinOnly = (text: string) => [...text].map((ch) => (cp1252Byte(ch) === undefined ? '?' : ch)).join('');

/** Windows-1252's characters at 0x80-0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D unassigned). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function cp1252Byte(ch: string): number | undefined {
  const code = ch.codePointAt(0)!;
  const high = CP1252_HIGH.indexOf(ch);
  if (high >= 0) return 0x80 + high;
  return code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined;
}
const toCp1252 = (text: string) => Buffer.from([...text].map((ch) => cp1252Byte(ch) ?? 0x3f));

const utf16be = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16();

/** `text` with `from` replaced by `to` (which must be there: a fixture change must not silently void a case). */
export function edit(text: string, from: string | RegExp, to: string): string {
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`corpus: "${from}" is not in the document`);
  return text.replace(from, to);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`corpus: "${needle}" is not in the document`);
  return text.slice(0, i).split('\n').length;
}

/** Insert `what` at the start of the line holding `needle`. */
const insertAtLine = (text: string, needle: string, what: string) => {
  const at = text.lastIndexOf('\n', text.indexOf(needle)) + 1;
  return text.slice(0, at) + what + text.slice(at);
};

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be replayed. */
export function randomBytesSeeded(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let a = seed;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (t ^ (t >>> 14)) >>> 24;
  }
  return out;
}

/** A file of `bytes` bytes without writing them (sparse): its size is all that may be looked at. */
export const sparseFile = (bytes: number) => (path: string) => {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
};

const MB = 1_000_000;
const MiB = 1024 * 1024;
const input = (c: CaseDirs) => c.input;
const mirrorFile = (c: CaseDirs) => c.input;

/** Fixture edits used by several cases. */
const DANA = '- 3 **Dana SAMPLEYEVA**';
const repeated = () => edit(MINI(), DANA, '- 2 **Dana SAMPLEYEVA**');

const listOf = (count: number) =>
  [
    '## THE LIST OF POLITICAL PRISONERS',
    '',
    '## CONVICTED',
    '',
    ...Array.from({ length: count }, (_, i) => `- ${i + 1} **Given FAMILY** – 1 year under Article 174.`),
    '',
  ].join('\n');

export const CASES: Case[] = [
  // --- bytes that are not text ---
  {
    name: 'an empty file',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.alloc(0),
    expect: { exit: 3, file: input, line: 1, message: /the document is empty/ },
  },
  {
    name: 'random bytes',
    run: 'extract',
    file: 'report.md',
    bytes: () => randomBytesSeeded(64 * 1024, 7),
    expect: { exit: 3, file: input, message: /not valid UTF-8 text|binary file/ },
  },
  {
    name: 'NUL bytes inside the text',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(insertAtLine(MINI(), '2 **Zhan-Bolat', 'x\0\0y ')),
    expect: { exit: 3, file: input, line: lineOf(MINI(), '2 **Zhan-Bolat'), message: /contains NUL bytes/ },
  },
  {
    name: 'control characters throughout (a terminal log)',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(MINI().replace(/^/gm, '\x1b[1m')),
    expect: { exit: 3, file: input, line: 1, message: /contains control characters \(U\+001B\)/ },
  },
  {
    name: 'damaged UTF-8 (a bad byte in one line)',
    run: 'extract',
    file: 'report.md',
    bytes: () => {
      const text = MINI();
      const at = Buffer.byteLength(text.slice(0, text.indexOf(DANA) + 10));
      const bytes = Buffer.from(text);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    },
    expect: { exit: 3, file: input, line: lineOf(MINI(), DANA), message: /not valid UTF-8 text: the file is damaged here/ },
  },
  // --- web pages: read by the HTML front end, refused when they are not the report ---
  {
    name: 'a web page that is not the report (no list of prisoners)',
    run: 'extract',
    file: 'page.html',
    bytes: () => Buffer.from(PAGE('<h1>A DIFFICULT YEAR</h1>\n<p>Arman TESTOV was sentenced to 6 years.</p>')),
    expect: { exit: 3, file: input, line: 1, message: /no list of political prisoners found/ },
  },
  {
    name: 'an empty web page',
    run: 'extract',
    file: 'report.html',
    bytes: () => Buffer.from(PAGE('')),
    expect: { exit: 3, file: input, line: 1, message: /the web page holds no text/ },
  },
  {
    name: 'a web page of scripts (a page the browser builds when it runs)',
    run: 'extract',
    file: 'report.html',
    bytes: () =>
      Buffer.from(
        PAGE(
          '<div id="app"></div>\n<script>document.getElementById("app").textContent = "1 Arman TESTOV \u2013 6 years";</script>\n<noscript>Enable JavaScript.</noscript>',
        ),
      ),
    expect: { exit: 3, file: input, line: 1, message: /the web page holds no text/ },
  },
  {
    name: 'a web page declaring UTF-8 with a damaged byte',
    run: 'extract',
    file: 'report.html',
    bytes: () =>
      Buffer.from(
        Buffer.from(PAGE('<p>Caf\u00e9 \u2013</p>')).map((b, i, all) =>
          b === 0xc3 && all[i + 1] === 0xa9 ? 0xe9 : b === 0xa9 && all[i - 1] === 0xc3 ? 0x20 : b,
        ),
      ),
    expect: { exit: 3, file: input, line: 4, message: /not valid UTF-8 text: the file is damaged here/ },
  },
  {
    name: 'a web page declaring an encoding nobody knows',
    run: 'extract',
    file: 'report.html',
    bytes: () => Buffer.from(PAGE('<p>1 Arman TESTOV – 6 years</p>').replace('utf-8', 'x-made-up-8')),
    expect: { exit: 3, file: input, line: 1, message: /declares the encoding "x-made-up-8", which is not one this program knows/ },
  },

  // --- other encodings and line endings: still the report ---
  // found by fuzzing: an empty heading made a section without a title, and the build failed validation (exit 5)
  {
    name: 'empty headings ("## ", "### <sup>7</sup>")',
    run: 'extract',
    file: 'mini-report.md',
    bytes: () => Buffer.from(`${MINI()}\n## \n\n### <sup>7</sup>\n`),
    expect: { exit: 0, same: 'mini' },
  },
  // found by fuzzing: a name without a Latin letter made an empty id (organisations, prisoners), failing validation (exit 5)
  {
    name: 'names in another script (Cyrillic)',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(edit(MINI(), '**Arman TESTOV**', '**Арман ТЕСТОВ**'), '2 **Aigul Fictiva**', '2 **Айгүл Фиктива**')),
    expect: {
      exit: 0,
      warnings: [],
      check: (p) =>
        expect2(
          p.map((r) => r.id),
          ['person', 'zhan-bolat-examplov', 'dana-sampleyeva', 'olzhas-placeholderov', 'person-2'],
        ),
    },
  },
  {
    name: 'UTF-8 with a byte-order mark (fixture)',
    run: 'extract',
    file: 'mini-report.md',
    bytes: () => Buffer.from(`\ufeff${MINI()}`),
    expect: { exit: 0, same: 'mini' },
  },
  {
    name: 'CRLF line endings (fixture)',
    run: 'extract',
    file: 'mini-report.md',
    bytes: () => Buffer.from(MINI().replace(/\n/g, '\r\n')),
    expect: { exit: 0, same: 'mini' },
  },
  {
    name: 'UTF-8 with a byte-order mark and CRLF line endings (the report, as Windows Notepad saves it)',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(`\ufeff${REPORT().replace(/\n/g, '\r\n')}`),
    expect: { exit: 0, same: 'report' },
  },
  {
    name: 'CR line endings (fixture, old Mac)',
    run: 'extract',
    file: 'mini-report.md',
    bytes: () => Buffer.from(MINI().replace(/\n/g, '\r')),
    expect: { exit: 0, same: 'mini' },
  },
  {
    name: 'UTF-16 LE with a byte-order mark (the report)',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(`\ufeff${REPORT()}`, 'utf16le'),
    expect: { exit: 0, same: 'report' },
  },
  {
    name: 'UTF-16 BE with a byte-order mark (fixture)',
    run: 'extract',
    file: 'mini-report.md',
    bytes: () => utf16be(MINI()),
    expect: { exit: 0, same: 'mini' },
  },
  {
    name: 'Windows-1252 (fixture)',
    run: 'extract',
    file: 'mini-report.md',
    bytes: () => toCp1252(MINI()),
    expect: { exit: 0, same: 'mini' },
  },
  {
    name: 'Windows-1252 (the report)',
    run: 'extract',
    file: 'report.md',
    bytes: () => toCp1252(latinOnly(REPORT())),
    expect: { exit: 0, same: 'report-latin' },
  },

  // --- size, lines, records: the limits ---
  {
    name: 'a 50 MB file',
    run: 'extract',
    file: 'report.md',
    write: sparseFile(50 * MB),
    expect: { exit: 3, file: input, message: /the file is 47\.7 MiB, over the limit of 32\.0 MiB for any input/ },
  },
  {
    name: 'a single 10 MB line',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from('political prisoner '.repeat(Math.ceil((10 * MB) / 19)).slice(0, 10 * MB)),
    expect: { exit: 3, file: input, line: 1, message: /the line is 10,000,000 characters long, over the limit of 20,000/ },
  },
  {
    name: 'one overlong line inside a document',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(insertAtLine(MINI(), DANA, `${'An endless paragraph. '.repeat(1200)}\n\n`)),
    expect: { exit: 3, file: input, line: lineOf(MINI(), DANA), message: /the line is 26,400 characters long/ },
  },
  {
    name: 'too many lines',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from('x\n'.repeat(25_000)),
    expect: { exit: 3, file: input, line: 10_001, message: /more than 10,000 lines/ },
  },
  {
    name: 'text over the size limit within the line limits',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(`${'word '.repeat(60)}\n`.repeat(5_000)),
    expect: { exit: 3, file: input, message: /the text is 1\.4 MiB, over the limit of 1\.0 MiB for a text document/ },
  },
  {
    name: 'too many list entries',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(listOf(5_001)),
    expect: { exit: 3, file: input, line: 5_005, message: /more than 5,000 list entries/ },
  },

  // --- within the size limits, but costly for the parser: the cost pre-pass (issue #13) ---
  ...costlyCases(MINI),
  ...costlyPdfCases(),

  // --- PDFs that cannot be read (front end: issue #4) ---
  {
    name: 'a text file named .pdf',
    run: 'extract',
    file: 'report.pdf',
    bytes: () => Buffer.from(MINI()),
    expect: { exit: 3, file: input, message: /not a PDF/ },
  },
  {
    name: 'a truncated PDF',
    run: 'extract',
    file: 'report.pdf',
    bytes: () => truncatedPdf(),
    expect: { exit: 3, file: input, message: /truncated/ },
  },
  {
    name: 'an encrypted PDF',
    run: 'extract',
    file: 'report.pdf',
    bytes: () => encryptedPdf(),
    expect: { exit: 3, file: input, message: /encrypted/ },
  },
  {
    name: 'a scanned PDF without a text layer',
    run: 'extract',
    file: 'report.pdf',
    bytes: () => noTextPdf(),
    expect: { exit: 3, file: input, message: /no text layer/ },
  },
  {
    name: 'a PDF with zero pages',
    run: 'extract',
    file: 'report.pdf',
    bytes: () => noPagesPdf(),
    expect: { exit: 3, file: input, message: /no pages/ },
  },

  // --- documents whose content is not the report's list ---
  {
    name: 'no list of prisoners',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(MINI(), '## THE LIST OF POLITICAL PRISONERS', '## ANNEX')),
    expect: { exit: 3, file: input, line: 1, message: /no list of political prisoners found/ },
  },
  {
    name: 'a changed layout (entries "N Name: text")',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(MINI(), /^(-? ?\d+ \*\*[^*]+\*\*) – /gm, '$1: ')),
    expect: { exit: 3, file: input, line: 1, message: /no list of political prisoners found/ },
  },
  // a converter writes numbered entries as an ordered list: remark keeps only where such a list starts, so every entry but the first lost its number
  {
    name: 'a later layout: entries as ordered lists ("1. Given FAMILY — …", "2) …")',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(MINI(), /^(-? ?)(\d+) (\*\*[^*]+\*\*) – /gm, '$1$2. $3 — ').replace('2. **Aigul', '2) **Aigul')),
    expect: {
      exit: 0,
      warnings: [],
      check: (p) =>
        expect2(
          p.map((r) => [r.id, r.list, r.number, r.sentence_months]),
          [
            ['arman-testov', 'convicted', 1, 78],
            ['zhan-bolat-examplov', 'convicted', 2, 61],
            ['dana-sampleyeva', 'convicted', 3, 36],
            ['olzhas-placeholderov', 'pre_trial', 1, null],
            ['aigul-fictiva', 'pre_trial', 2, null],
          ],
        ),
    },
  },
  {
    name: 'an entry lacking a name',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(MINI(), '2 **Aigul Fictiva** – ', '2 – ')),
    expect: {
      exit: 3,
      file: input,
      line: lineOf(MINI(), '2 **Aigul Fictiva**'),
      message: /list entry "2 – charged.*" has a number but no name/,
    },
  },
  {
    name: 'an entry before any CONVICTED or PRE-TRIAL heading',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(MINI(), '## CONVICTED', '7 **Marat INVENTOV** – 3 years.\n\n## CONVICTED')),
    expect: { exit: 3, file: input, line: lineOf(MINI(), '## CONVICTED'), message: /before any CONVICTED or PRE-TRIAL heading/ },
  },
  {
    name: 'a list with a repeated number',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(repeated()),
    expect: {
      exit: 0,
      warnings: [{ line: lineOf(MINI(), DANA), message: /convicted entry numbered 2 where 3 was expected/ }],
      check: (p) =>
        expect2(
          p.filter((r) => r.list === 'convicted').map((r) => r.number),
          [1, 2, 2],
        ),
    },
  },
  {
    name: 'a list with a gap',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(MINI(), DANA, '- 4 **Dana SAMPLEYEVA**')),
    expect: {
      exit: 0,
      warnings: [{ line: lineOf(MINI(), DANA), message: /convicted entry numbered 4 where 3 was expected/ }],
      check: (p) =>
        expect2(
          p.filter((r) => r.list === 'convicted').map((r) => r.number),
          [1, 2, 4],
        ),
    },
  },
  {
    name: 'a footnote cited but never defined',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(edit(MINI(), 'since 5 April 2018.<sup>6</sup>', 'since 5 April 2018.<sup>9</sup>')),
    expect: {
      exit: 0,
      warnings: [{ line: lineOf(MINI(), DANA), message: /dana-sampleyeva cites footnote 9, which is not defined/ }],
      check: (p) => expect2(p.find((r) => r.id === 'dana-sampleyeva')?.footnotes, [9]),
    },
  },
  {
    name: 'the report cut short in the middle of the list',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from(REPORT()).subarray(0, 100_000),
    expect: {
      exit: 0,
      warnings: [{ message: /cites footnote \d+, which is not defined/ }],
      check: (p) => expect2(p.length > 0 && p.length < 48, true),
    },
  },
  {
    name: 'an error with --debug shows the stack trace (a file of blank lines)',
    run: 'extract',
    file: 'report.md',
    bytes: () => Buffer.from('\n   \n\t\n\n'),
    expect: { exit: 3, file: input, line: 1, message: /the document is empty/, debug: true },
  },

  // --- the source manifest and the mirror (kzpp build) ---
  {
    name: 'a manifest with an unknown key',
    run: 'build',
    manifest: (m) => ({ ...m, editor: 'someone' }),
    expect: {
      exit: 4,
      file: (c) => `${c.app}/sources/demo/source.json`,
      message: /invalid source manifest at \(root\): Unrecognized key: "editor"/,
    },
  },
  {
    name: 'a manifest missing a field',
    run: 'build',
    manifest: ({ publisher: _, ...m }) => m as Manifest,
    expect: { exit: 4, file: (c) => `${c.app}/sources/demo/source.json`, message: /invalid source manifest at publisher:/ },
  },
  {
    name: 'a manifest that is not JSON',
    run: 'build',
    manifest: (m) => JSON.stringify(m).slice(0, 100),
    expect: { exit: 4, file: (c) => `${c.app}/sources/demo/source.json`, message: /invalid JSON/ },
  },
  {
    name: 'a path-traversal file name (../)',
    run: 'build',
    manifest: (m) => ({ ...m, files: [{ ...m.files[0], name: '../../report.md' }] }),
    expect: { exit: 4, file: (c) => `${c.app}/sources/demo/source.json`, message: /at files\.0\.name: expected a bare file name/ },
  },
  {
    name: 'an unknown source',
    run: 'build',
    source: 'nonesuch',
    expect: { exit: 4, file: (c) => `${c.app}/sources/nonesuch/source.json`, message: /no source manifest for "nonesuch"/ },
  },
  {
    name: 'a wrong checksum (the mirror copy was edited)',
    run: 'build',
    mirror: () => Buffer.from(edit(MINI(), '6.5 years', '7.5 years')),
    expect: { exit: 4, file: mirrorFile, message: /checksum mismatch: expected sha256 [0-9a-f]{64}, got [0-9a-f]{64}/ },
  },
  {
    name: 'a missing mirror, no URL',
    run: 'build',
    mirror: () => null,
    expect: {
      exit: 4,
      file: mirrorFile,
      message: /not in the mirror and the manifest gives no URL to download it from; set SOURCES_MIRROR/,
    },
  },
  {
    name: 'a missing mirror and no network',
    run: 'build',
    manifest: (m) => ({ ...m, files: [{ ...m.files[0], url: `http://127.0.0.1:${CLOSED_PORT.port}/report.md` }] }),
    mirror: () => null,
    expect: {
      exit: 4,
      file: () => `http://127.0.0.1:${CLOSED_PORT.port}/report.md`,
      message: /not in the mirror \(.*demo\/report\.md\), and downloading it failed: ECONNREFUSED/,
    },
  },
  {
    name: 'a mirror file over the size limit',
    run: 'build',
    mirror: () => null,
    write: sparseFile(40 * MiB),
    expect: { exit: 3, file: mirrorFile, message: /the file is 40\.0 MiB, over the limit/ },
  },
  {
    name: 'a version string with /',
    run: 'build',
    version: '1.0.0/../../../escaped',
    expect: { exit: 2, file: () => 'package.json', message: /version "1\.0\.0\/\.\.\/\.\.\/\.\.\/escaped" is not MAJOR\.MINOR\.PATCH/ },
  },
  {
    name: 'a repeated number in a declared source',
    run: 'build',
    mirror: () => Buffer.from(repeated()),
    declareMirror: true,
    expect: {
      exit: 5,
      file: (c) => `${c.app}/sources/demo/source.json`,
      message: new RegExp(
        `source assertions failed: the convicted list is not numbered 1-3: the entry at .*demo/report\\.md:line ${lineOf(MINI(), DANA)} is numbered 2 where 3 was expected`,
      ),
    },
  },
];

/** Set by the test before the cases run: a port nothing listens on, so "no network" is instant and never leaves the machine. */
export const CLOSED_PORT = { port: 9 };

/** A tiny assertion for `check` (cases.ts does not import vitest, so the table stays plain data). */
function expect2(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
