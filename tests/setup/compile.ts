import { execFileSync } from 'node:child_process';

/** CLI tests run the compiled program, so compile once before any test (also type-checks). */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
