import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** CLI tests run the compiled program, so build it once before any test (also type-checks), in the checkout wherever vitest was started. */
export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', cwd: resolve(import.meta.dirname, '..', '..') });
}
