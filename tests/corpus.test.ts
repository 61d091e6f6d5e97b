/**
 * The bad-input corpus (tests/corpus/cases.ts), each case through the CLI:
 * refused with one line naming the file (and line) and the documented exit
 * code, no stack trace, and its directory — a published dist/ or an earlier
 * OUT included — byte for byte as before; or, where the input is still the
 * report, the same dataset. Refusals, builds and cases with a cost bound run
 * the bundled CLI in a process of its own; an extract that must succeed is a
 * question about the data, so it runs the same CLI function in the test
 * process (kzpp() in helpers.ts), as do the reference extracts it is compared to.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../pipeline/lib/hash.js';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import {
  type BuildCase,
  type Case,
  CASES,
  type CaseDirs,
  CLOSED_PORT,
  type ExtractCase,
  latinOnly,
  type Manifest,
  MINI,
  REPORT,
  type Reference,
} from './corpus/cases.js';
import { cliAsync, cliMeasured, COST_BOUND, limiter } from './corpus/run.js';
import { fixture, footnoteCount, kzpp, loadFactor, ROOT, snapshot, tempDir } from './helpers.js';

const KZPP = join(ROOT, 'bin', 'kzpp.js');
const spawnSlot = limiter(2);
const work = tempDir('kzpp-corpus-');
/** What publishing or extracting leaves behind, to prove a failed run leaves it alone. */
const BASE_DIST = join(work, 'base', 'dist');
const BASE_OUT = join(work, 'base', 'out');
let goodManifest: Manifest;

/** The fixture declared as source "demo", with the counts it really has. */
async function demoManifest(): Promise<Manifest> {
  const bytes = readFileSync(fixture('mini-report.md'));
  const { dataset, doc } = extractAll(await readDocument(bytes, 'report.md'), 'demo');
  const real = JSON.parse(readFileSync(join(ROOT, 'sources', 'odf-2025-02-13-tough-year', 'source.json'), 'utf8')) as Manifest;
  const count = (list: string) => dataset.prisoners.filter((p) => p.list === list).length;
  return {
    ...real,
    id: 'demo',
    title: 'A difficult year (synthetic)',
    default_format: 'markdown',
    files: [{ format: 'markdown', name: 'report.md', sha256: sha256(bytes), bytes: bytes.length, url: null }],
    assertions: {
      prisoners: dataset.prisoners.length,
      convicted: count('convicted'),
      pre_trial: count('pre_trial'),
      footnotes: footnoteCount(doc),
    },
  };
}

/**
 * Write the demo project of a build case into dir: a copy of the program (app/, with the demo's
 * sources/: the pipeline finds its own files from where it is installed), mirror/, a copy of the published dist/.
 */
function layBuild(c: BuildCase, dir: string, publishedDist = true): CaseDirs & { kzpp: string; args: string[] } {
  const mirror = join(dir, 'mirror');
  const input = join(mirror, 'demo', 'report.md');
  mkdirSync(dirname(input), { recursive: true });
  const app = join(dir, 'app');
  mkdirSync(join(app, 'sources', 'demo'), { recursive: true });
  const manifest = c.manifest ? c.manifest(structuredClone(goodManifest)) : structuredClone(goodManifest);
  const bytes = c.mirror ? c.mirror() : readFileSync(fixture('mini-report.md'));
  if (c.declareMirror && bytes && typeof manifest !== 'string')
    Object.assign(manifest.files[0]!, { sha256: sha256(bytes), bytes: bytes.length });
  writeFileSync(join(app, 'sources', 'demo', 'source.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
  if (bytes) writeFileSync(input, bytes);
  c.write?.(input);
  if (publishedDist) cpSync(BASE_DIST, join(dir, 'dist'), { recursive: true });
  for (const part of ['bin', 'build/cli', 'identity']) cpSync(join(ROOT, part), join(app, part), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ ...pkg, version: c.version ?? pkg.version }, null, 2));
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
  const kzpp = join(app, 'bin', 'kzpp.js');
  if (c.dist) writeFileSync(join(dir, c.dist), 'previous');
  const args = ['build', '--source', c.source ?? 'demo', '--mirror', mirror, '--dist', join(dir, c.dist ?? 'dist'), '--json'];
  return { dir, input, mirror, app, kzpp, args };
}

function layExtract(c: ExtractCase, dir: string): CaseDirs & { kzpp: string; args: string[] } {
  const input = join(dir, c.file);
  if (c.bytes) writeFileSync(input, c.bytes());
  c.write?.(input);
  cpSync(BASE_OUT, join(dir, 'out'), { recursive: true });
  if (c.out) writeFileSync(join(dir, c.out), 'previous');
  return {
    dir,
    input,
    mirror: '',
    app: '',
    kzpp: KZPP,
    args: [
      'extract',
      input,
      '--out',
      join(dir, c.out ?? 'out'),
      ...(c.expect.exit && 'debug' in c.expect && c.expect.debug ? ['--debug'] : []),
    ],
  };
}

/**
 * Files that carry the input's bytes (its sha256 and size) rather than only what was extracted: the catalogues,
 * the Parquet files' and the database's release metadata, the site's pages that cite the source's hash.
 */
const BYTES_OF_INPUT = new Set([
  'manifest.json',
  'datapackage.json',
  'SHA256SUMS',
  'provenance.json',
  'site/index.html',
  'site/downloads.html',
]);
const carriesInputHash = (path: string) => BYTES_OF_INPUT.has(path) || path.endsWith('.parquet') || path.endsWith('.sqlite');
const datasetTree = (out: string) => Object.fromEntries(Object.entries(snapshot(out)).filter(([path]) => !carriesInputHash(path.slice(1))));

/** Reference datasets: the same document in plain UTF-8, extracted once (lazily, shared by the cases needing it). */
const references = new Map<Reference, Promise<Record<string, string>>>();
function reference(name: Reference): Promise<Record<string, string>> {
  if (!references.has(name)) {
    const [file, text] = name === 'mini' ? ['mini-report.md', MINI()] : ['report.md', name === 'report' ? REPORT() : latinOnly(REPORT())];
    const dir = join(work, `reference-${name}`);
    mkdirSync(dir);
    writeFileSync(join(dir, file), text);
    references.set(
      name,
      kzpp(['extract', join(dir, file), '--out', join(dir, 'out'), '--json']).then((r) => {
        if (r.status !== 0) throw new Error(`reference ${name}: ${r.stderr}`);
        return datasetTree(join(dir, 'out'));
      }),
    );
  }
  return references.get(name)!;
}

/**
 * The issue's bound, from outside the process: peak RSS, CPU time, and wall
 * time. CPU time is held to the bound as is. Wall time is stretched by the
 * machine's load beyond its cores (make test runs the corpus beside other
 * suites), and twice that: the 1-minute load average trails a burst of work
 * (CI once measured 8.86 s against 3 s x 2.94), while a run that waits on
 * something (a socket, a lock, a timer) overruns any factor.
 */
function expectWithinCostBound(r: { ms: number; mb: number; cpuMs: number }, loadAtStart: number): void {
  expect(r.mb).toBeLessThan(COST_BOUND.mb);
  if (!Number.isNaN(r.cpuMs)) expect(r.cpuMs).toBeLessThan(COST_BOUND.ms);
  expect(r.ms).toBeLessThan(COST_BOUND.ms * 2 * Math.max(loadAtStart, loadFactor()));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  // a port that was free a moment ago: connecting to it is refused at once, without the network
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  CLOSED_PORT.port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));

  goodManifest = await demoManifest();
  const base = layBuild({ name: 'base', run: 'build', expect: { exit: 0, same: 'mini' } }, join(work, 'base'), false);
  const [built, extracted] = await Promise.all([
    cliAsync(base.kzpp, base.args, base.dir),
    cliAsync(KZPP, ['extract', fixture('mini-report.md'), '--out', BASE_OUT, '--json'], ROOT),
  ]);
  expect(built.status, built.stderr).toBe(0);
  expect(JSON.parse(built.stdout).outcome).toBe('published');
  expect(extracted.status, extracted.stderr).toBe(0);
  rmSync(join(work, 'base', 'app'), { recursive: true });
}, 60_000 * loadFactor());

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.concurrent('bad-input corpus', () => {
  it('has at least 25 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as [string, Case]))(
    '%s',
    async (_, c) => {
      const dir = join(work, c.name.replace(/[^a-z0-9]+/gi, '-'));
      mkdirSync(dir);
      const laid = c.run === 'build' ? layBuild(c, dir) : layExtract(c, dir);
      const before = snapshot(dir);
      const bounded = c.run === 'extract' && c.bounded;
      let loadAtStart = 1;
      const r =
        c.run === 'extract' && c.expect.exit === 0 && !bounded
          ? await kzpp(laid.args, { cwd: dir })
          : await spawnSlot(() => {
              loadAtStart = loadFactor();
              return bounded ? cliMeasured(laid.kzpp, laid.args, dir, `${dir}.time`) : cliAsync(laid.kzpp, laid.args, dir);
            });
      if (bounded) expectWithinCostBound(r as Awaited<ReturnType<typeof cliMeasured>>, loadAtStart);
      const e = c.expect;
      expect(r.status, r.stderr).toBe(e.exit);

      if ('message' in e) {
        const lines = r.stderr.split('\n').filter(Boolean);
        const place = `${escapeRegExp(e.file(laid))}(?::page \\d+)?${e.line !== undefined ? `:line ${e.line}` : '(?::line \\d+)?'}: `;
        const prefix = new RegExp(`^kzpp: error: ${place}`);
        expect(lines[0]).toMatch(prefix);
        expect(lines[0]!.replace(prefix, '')).toMatch(e.message); // the reason, not the path (which holds the case's name)
        if (e.debug)
          expect(lines.slice(1).join('\n')).toMatch(/^\s+at /m); // --debug: the stack follows
        else {
          expect(lines).toHaveLength(1);
          expect(r.stderr).not.toMatch(/^\s+at /m);
        }
        expect(r.stdout).toBe('');
        expect(snapshot(dir)).toEqual(before); // dist/ or out/, the input, the mirror: nothing written, nothing removed
        expect(existsSync(join(work, 'escaped'))).toBe(false); // where dist/1.0.0/../../../escaped would have gone
        return;
      }
      const out = join(dir, 'out');
      if ('same' in e) {
        expect(r.stderr).toBe('');
        expect(datasetTree(out)).toEqual(await reference(e.same));
        return;
      }
      const warnings = r.stderr.split('\n').filter(Boolean);
      for (const w of e.warnings) {
        const place = `^${escapeRegExp(laid.input)}:line ${w.line ?? '\\d+'}: warning: `;
        expect(
          warnings.some((line) => new RegExp(place).test(line) && w.message.test(line)),
          r.stderr,
        ).toBe(true);
      }
      e.check(
        readFileSync(join(out, 'prisoners.ndjson'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      );
    },
    120_000 * loadFactor(),
  ); // a timeout is for a hang: a case also waits for a spawn slot, and the cost bound above judges its own run
});
