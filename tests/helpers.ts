import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseMarkdown } from '../pipeline/parse/markdown.js';
import { repair } from '../pipeline/repair/repair.js';
import type { DocumentModel } from '../pipeline/model/document.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const MIRROR = resolve(ROOT, process.env.SOURCES_MIRROR ?? '../shared/sources');
export const REPORT_MD = join(MIRROR, 'odf-2025-02-13-tough-year', 'report.md');
export const REPORT_PDF = join(MIRROR, 'odf-2025-02-13-tough-year', 'report.pdf');
export const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', name);

export const modelOf = (markdown: string, file = 'test.md'): DocumentModel => ({ file, blocks: repair(parseMarkdown(markdown)) });

/** Distinct footnote numbers of a document: what the report's notes count is checked against. */
export const footnoteCount = (doc: DocumentModel) => new Set(doc.blocks.flatMap((b) => (b.kind === 'footnote' ? [b.number] : []))).size;

export const tempDir = (prefix = 'kzpp-') => mkdtempSync(join(tmpdir(), prefix));

/** How much busier the machine is than its cores (at least 1): wall-time bounds and timeouts are stretched by it. */
export const loadFactor = () => Math.max(1, loadavg()[0]! / cpus().length);

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the compiled CLI as a user would: from the checkout, or from KZPP_TEST_CWD when set (the suite
 * must pass from a subfolder and from outside the checkout: KZPP_TEST_CWD=$PWD/docs npx vitest run tests/cli.test.ts).
 */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kzpp.js'), ...args], {
    cwd: opts.cwd ?? process.env.KZPP_TEST_CWD ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * "/relative/path" -> sha256 of every file under dir, to prove a failed run
 * changed nothing (symbolic links are not followed: a linked node_modules
 * stays out). A missing dir is empty.
 */
export function snapshot(dir: string, prefix = '/'): Record<string, string> {
  const out: Record<string, string> = {};
  let names: string[];
  try {
    names = readdirSync(join(dir, prefix)).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const rel = join(prefix, name);
    const stat = lstatSync(join(dir, rel));
    if (stat.isSymbolicLink()) out[rel] = 'symlink';
    else if (stat.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else
      out[rel] = createHash('sha256')
        .update(readFileSync(join(dir, rel)))
        .digest('hex');
  }
  return out;
}

export const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

/**
 * The real report extracted by the compiled CLI, once per build of it: test files that only read such a release
 * share this directory (read-only by contract) instead of each extracting the report again. Keyed by the
 * program's bytes and the report's, made in a temporary folder and renamed into place, so concurrent workers
 * never see a half-written release (the one that loses the race discards its copy).
 */
export function sharedReportRelease(): string {
  const key = createHash('sha256');
  for (const file of [join(ROOT, 'build', 'kzpp.mjs'), join(ROOT, 'build', 'validators.cjs'), REPORT_MD]) key.update(readFileSync(file));
  const dir = join(tmpdir(), `kzpp-shared-release-${key.digest('hex').slice(0, 16)}`);
  if (existsSync(dir)) return dir;
  const work = tempDir('kzpp-shared-work-');
  const r = cli(['extract', REPORT_MD, '--out', join(work, 'release')]);
  if (r.status !== 0) throw new Error(`extracting the shared release failed: ${r.stderr}`);
  try {
    renameSync(join(work, 'release'), dir);
  } catch (e) {
    if (!existsSync(dir)) throw e; // another worker published it first: same program, same report, same bytes
  }
  rmSync(work, { recursive: true, force: true });
  return dir;
}
