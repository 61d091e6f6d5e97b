import { execFileSync } from 'node:child_process';

/** CLI tests run the compiled program, so build it once before any test (also type-checks). */
export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
}
