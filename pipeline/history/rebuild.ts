/**
 * Rebuild a release with the code that built it: a detached git worktree at
 * the commit that last changed its record, sharing this checkout's
 * node_modules when the lock file is the same (else npm ci), built into the
 * given dist. Needs the full history (a clone, not a shallow one).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { mirrorRoot } from '../fetch/fetch.js';
import { projectRoot } from '../lib/project.js';
import type { ReleaseRecord } from './records.js';

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The lock file less the project's own version: a version bump alone does not call for a fresh npm ci. */
function dependencyLock(text: string): string {
  const lock = JSON.parse(text);
  delete lock.version;
  if (lock.packages?.['']) delete lock.packages[''].version;
  return JSON.stringify(lock);
}

export function rebuildAtCommit(commit: string, record: ReleaseRecord, dist: string, mirror?: string): void {
  const root = projectRoot();
  const work = join(mkdtempSync(join(tmpdir(), 'kzpp-rebuild-')), 'tree');
  try {
    run('git', ['worktree', 'add', '--detach', '--quiet', work, commit], root);
    const lock = (dir: string) => dependencyLock(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
    if (lock(work) === lock(root)) symlinkSync(resolve(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    else run('npm', ['ci', '--no-audit', '--no-fund'], work);
    run('npm', ['run', '-s', 'build'], work); // the commit's own build (tsc, and the bundle where it has one)
    const args = [
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
    run(process.execPath, args, work);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const why = (err.stderr ?? '').trim().split('\n').at(-1) || err.message.split('\n')[0];
    throw new PipelineError(`cannot rebuild release ${record.version} at commit ${commit.slice(0, 12)}: ${why}`, EXIT.publish, {
      file: `releases/${record.version}.json`,
    });
  } finally {
    try {
      run('git', ['worktree', 'remove', '--force', work], root);
    } catch {
      // the worktree was never added: nothing to remove
    }
    rmSync(join(work, '..'), { recursive: true, force: true });
  }
}
