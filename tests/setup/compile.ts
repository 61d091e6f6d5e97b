import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** CLI tests run the compiled program: built once before any test (also type-checks) unless it is current. */
export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit', cwd: ROOT });
}
