/**
 * dist/.lock: one build publishes into a dist at a time. The lock holds the builder's PID, so a lock (or a
 * temporary directory) left by a killed build is recognised and removed.
 */
import { linkSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';

export const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Is the process alive? (EPERM: alive, but not ours.) */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockHolder = (lock: string) => {
  try {
    return Number.parseInt(readFileSync(lock, 'utf8'), 10);
  } catch {
    return Number.NaN; // gone in the meantime
  }
};

/** How long a second build waits for the first before it stops (KZPP_LOCK_WAIT_MS). */
const lockWaitMs = () => Number(process.env.KZPP_LOCK_WAIT_MS ?? 10_000);

/**
 * Take dist/.lock, which holds the builder's PID. The lock file appears
 * complete or not at all (written aside, then hard-linked into place). A lock
 * whose PID is dead was left by a killed build and is taken over; a live one
 * is waited for briefly, then the build stops with a clear message.
 */
function acquireLock(lock: string): void {
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  const deadline = Date.now() + lockWaitMs();
  try {
    for (;;) {
      try {
        linkSync(mine, lock);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = lockHolder(lock);
      if (Number.isInteger(holder) && !isAlive(holder)) {
        takeOverStaleLock(lock, holder);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new PipelineError(
          `another build (PID ${holder}) is publishing into ${dirname(lock)}; waited ${lockWaitMs() / 1000} s ` +
            '(remove the lock only if no build is running)',
          EXIT.busy,
          { file: lock },
        );
      }
      sleep(100);
    }
  } finally {
    unlinkSync(mine);
  }
}

/**
 * Remove a lock whose build was killed. Moved aside first (atomic), so of two
 * builds finding the same stale lock only one removes it; a lock that turns
 * out to be fresh (another build took over in between) is put back.
 */
function takeOverStaleLock(lock: string, deadPid: number): void {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // already moved by another build
  }
  if (lockHolder(aside) === deadPid) rmSync(aside, { force: true });
  else {
    try {
      linkSync(aside, lock);
    } finally {
      rmSync(aside, { force: true });
    }
  }
}

/** Hold dist/.lock while publishing; a second build waits, then stops with a clear message. */
export function withLock<T>(dist: string, fn: () => T): T {
  const lock = join(dist, '.lock');
  acquireLock(lock);
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Temporary directories are only written under the lock, so any left over belong to a killed build. */
export function removeStaleTemporaries(dist: string): void {
  for (const name of readdirSync(dist)) {
    if (name.startsWith('.tmp-') || (/^\.lock\.(stale-)?\d+$/.test(name) && !isAlive(Number(name.replace(/\D+/g, '')))))
      rmSync(join(dist, name), { recursive: true, force: true });
  }
}
