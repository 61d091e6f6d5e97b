/**
 * One maker at a time for a cache entry of the checkout (build/releases/, build/programs/): builds and tests run
 * side by side, and the others wait, then find the entry made. The lock is a folder holding the maker's PID, so a
 * lock left by a killed process is recognised and taken over.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, sleep } from '../publish/lock.js';

export function withCacheLock<T>(lock: string, make: () => T): T {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const holder = Number(readdirSync(lock)[0] ?? 0);
      if (holder && !isAlive(holder)) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    mkdirSync(join(lock, String(process.pid)));
    return make();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
