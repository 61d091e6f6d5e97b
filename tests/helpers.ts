import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { inject } from 'vitest';
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
/**
 * The environment without the tests' V8 flags (KZPP_V8_FLAGS, set in vitest.config.ts): for a run whose time or memory is
 * measured against a bound or a target, which holds for the program as users run it.
 */
export function asUsersRunIt(): NodeJS.ProcessEnv {
  const { KZPP_V8_FLAGS: _, ...env } = process.env;
  return env;
}

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

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * The CLI's run() inside the test process, for tests of what a command does rather than of the process (those use
 * cli()): the same arguments, streams, exit code, current directory and environment, without a Node start and the
 * bundle's load per call. Calls run one at a time (each sets the process's directory and environment while it runs).
 */
export function kzpp(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const task = inProcessQueue.then(() => runInProcess(args, opts));
  inProcessQueue = task.catch(() => undefined);
  return task;
}

async function runInProcess(args: string[], opts: { cwd?: string; env?: Record<string, string> }): Promise<CliResult> {
  const { run } = await import('../pipeline/cli/run.js');
  const result = { status: -1, stdout: '', stderr: '' };
  const cwd = process.cwd();
  const env = Object.fromEntries(Object.keys(opts.env ?? {}).map((k) => [k, process.env[k]]));
  try {
    process.chdir(opts.cwd ?? process.env.KZPP_TEST_CWD ?? ROOT);
    Object.assign(process.env, opts.env);
    const streams = { stdout: (t: string) => void (result.stdout += t), stderr: (t: string) => void (result.stderr += t), isTTY: false };
    result.status = await run(args, streams);
    return result;
  } finally {
    process.chdir(cwd);
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
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

/**
 * The compiled program installed in a project of the user's (a clone of this checkout): its own package files
 * (releases/, CHANGELOG.md, the ledger), which `release` writes, are the project's, never this checkout's; the
 * bundle and node_modules are this checkout's, and so are older releases' packages and rebuilds (build/deps,
 * build/releases: made under a lock, and checked against their records before use).
 */
export function installProgram(project: string): void {
  mkdirSync(join(project, 'build'), { recursive: true });
  cpSync(join(ROOT, 'build', 'cli'), join(project, 'build', 'cli'), { recursive: true });
  copyFileSync(join(ROOT, 'build', 'validators.cjs'), join(project, 'build', 'validators.cjs'));
  if (!existsSync(join(project, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  for (const shared of ['deps', 'programs', 'releases']) {
    mkdirSync(join(ROOT, 'build', shared), { recursive: true });
    if (!existsSync(join(project, 'build', shared))) symlinkSync(join(ROOT, 'build', shared), join(project, 'build', shared), 'dir');
  }
}

export const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

/** A folder of this test run (made by the global set-up, removed at its end): what test files share. */
const runDir = (): string => inject('runDir');

/**
 * `make(dir)` run once per test run for `name`, by whichever test file asks first; the others wait for it
 * (a lock folder) and share the result, read-only by contract. Made in a temporary folder and renamed into
 * place, so no one sees it half-made; a failure is reported to every file that asked.
 */
export async function sharedOnce(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(runDir(), name);
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(dir)) return dir;
    if (existsSync(`${dir}.failed`)) throw new Error(readFileSync(`${dir}.failed`, 'utf8'));
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const work = mkdtempSync(`${dir}.tmp-`);
  try {
    await make(work);
    renameSync(work, dir);
  } catch (e) {
    writeFileSync(`${dir}.failed`, `making the shared ${name} failed: ${(e as Error).message}`);
    throw e;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}

const succeeded = (r: CliResult): CliResult => {
  if (r.status !== 0 || r.stderr) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return r;
};

/** The real report extracted once per test run (in the test process): for test files that only read such a release. */
export const sharedReportRelease = async (): Promise<string> =>
  join(
    await sharedOnce('report-extract', async (dir) => {
      succeeded(await kzpp(['extract', REPORT_MD, '--out', join(dir, 'release')]));
    }),
    'release',
  );

/**
 * A dist/ with the release of the default source built by `kzpp build`, once per test run. Slot 'a' is built
 * in the test process, slot 'b' by the compiled CLI in a process of its own: tests of reproducibility compare
 * two independent runs of two builds of the code (the source and the bundle). Read-only: copy it to change it.
 */
export const sharedBuild = async (slot: 'a' | 'b' = 'a'): Promise<string> => join(await sharedBuildRun(slot), 'dist');

/** What `kzpp build --json` printed when it made the shared build. */
export const sharedBuildStdout = async (slot: 'a' | 'b' = 'a'): Promise<string> =>
  readFileSync(join(await sharedBuildRun(slot), 'stdout.json'), 'utf8');

const sharedBuildRun = (slot: 'a' | 'b'): Promise<string> =>
  sharedOnce(`build-${slot}`, async (dir) => {
    const args = ['build', '--dist', join(dir, 'dist'), '--json'];
    const r = succeeded(slot === 'a' ? await kzpp(args) : cli(args));
    writeFileSync(join(dir, 'stdout.json'), r.stdout);
  });
