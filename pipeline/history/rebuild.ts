/**
 * Rebuild a release with the code that built it: the commit that last changed its record, checked out and compiled
 * (once per checkout, see programAt), sharing this checkout's node_modules when the lock file is the same (else the
 * commit's own, installed once per lock file into build/deps/), built into the given dist. Needs the full history
 * (a clone, not a shallow one).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { mirrorRoot } from '../fetch/fetch.js';
import { sha256 } from '../lib/hash.js';
import { projectRoot } from '../lib/project.js';
import { withCacheLock } from './cache-lock.js';
import type { ReleaseRecord } from './records.js';

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The lock file less the project's own version: a version bump alone does not call for a fresh npm ci. */
function dependencyLock(text: string): string {
  const lock = JSON.parse(text);
  delete lock.version;
  if (lock.packages?.['']) delete lock.packages[''].version;
  return JSON.stringify(lock);
}

/**
 * node_modules for an older lock file, installed once (npm ci, no scripts) into build/deps/<hash>/ and then
 * shared: make verify, and every test that rebuilds a release, pay the install once per checkout.
 */
function dependenciesOf(work: string, root: string): string {
  const dir = join(
    root,
    'build',
    'deps',
    sha256(Buffer.from(dependencyLock(readFileSync(join(work, 'package-lock.json'), 'utf8')))).slice(0, 16),
  );
  if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) return join(dir, 'node_modules');
  mkdirSync(join(root, 'build', 'deps'), { recursive: true });
  const scratch = mkdtempSync(`${dir}-`);
  try {
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(work, file), join(scratch, file));
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], scratch);
    try {
      renameSync(scratch, dir);
    } catch (e) {
      if (!existsSync(dir)) throw e; // else another rebuild installed the same packages first: use those
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return join(dir, 'node_modules');
}

/**
 * The code of a commit checked out and compiled, once per checkout, in build/programs/<commit>/: a git worktree (the
 * code asks git for its own commit) with its dependencies linked and its own build run. The compile is what a rebuild
 * costs most (about 11 s of CPU), and it depends on the commit alone; the release is still built anew each time.
 * The worktree belongs to the checkout that holds the folder (a project whose build/programs links here shares it).
 */
function programAt(commit: string, root: string): string {
  const cache = join(root, 'build', 'programs');
  mkdirSync(cache, { recursive: true });
  const dir = join(cache, commit);
  const ready = () => existsSync(join(dir, BUILT)) && gitHead(dir) === commit;
  if (ready()) return dir;
  return withCacheLock(`${dir}.lock`, () => {
    if (ready()) return dir;
    const owner = dirname(dirname(realpathSync(cache)));
    rmSync(dir, { recursive: true, force: true });
    run('git', ['worktree', 'prune'], owner);
    run('git', ['worktree', 'add', '--detach', '--quiet', '--force', dir, commit], owner);
    const lock = (at: string) => dependencyLock(readFileSync(join(at, 'package-lock.json'), 'utf8'));
    const modules = lock(dir) === lock(root) ? resolve(root, 'node_modules') : dependenciesOf(dir, root);
    symlinkSync(modules, join(dir, 'node_modules'), 'dir');
    run('npm', ['run', '-s', 'build'], dir); // the commit's own build (tsc, and the bundle where it has one)
    writeFileSync(join(dir, BUILT), `${commit}\n`);
    return dir;
  });
}

/** Written into a program's folder once its build succeeded: a folder without it is a build cut short. */
const BUILT = '.kzpp-built';

function gitHead(dir: string): string | null {
  try {
    return run('git', ['rev-parse', 'HEAD'], dir).trim();
  } catch {
    return null; // not a worktree any more (its checkout's .git lost track of it)
  }
}

/** KZPP_V8_FLAGS as node's own flags: an older program's bin/kzpp.js may not read the variable. */
const v8Flags = () => (process.env.KZPP_V8_FLAGS ?? '').split(/\s+/).filter(Boolean);

export function rebuildAtCommit(commit: string, record: ReleaseRecord, dist: string, mirror?: string): void {
  try {
    const program = programAt(commit, projectRoot());
    const args = [
      ...v8Flags(),
      'bin/kzpp.js',
      'build',
      '--source',
      record.source.id,
      '--format',
      record.source.format,
      '--dist',
      resolve(dist),
      '--mirror',
      mirrorRoot(mirror),
    ];
    run(process.execPath, args, program, { ...process.env, SOURCES_MIRROR: mirrorRoot(mirror) }); // for what that code rebuilds in turn
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const why = (err.stderr ?? '').trim().split('\n').at(-1) || err.message.split('\n')[0];
    throw new PipelineError(`cannot rebuild release ${record.version} at commit ${commit.slice(0, 12)}: ${why}`, EXIT.publish, {
      file: `releases/${record.version}.json`,
    });
  }
}
