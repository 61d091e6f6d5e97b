import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** What `npm run build` reads: the pipeline's sources, the build scripts and the compiler's settings. */
const INPUTS = ['pipeline', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What it writes last: the bundle and the compiled validators. */
const OUTPUTS = ['build/cli/kzpp.mjs', 'build/validators.cjs'];

const mtimes = (path: string): number[] => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [Number.POSITIVE_INFINITY];
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return readdirSync(path).flatMap((name) => mtimes(join(path, name)));
};

const oldestOutput = () => Math.min(...OUTPUTS.map((p) => statSync(join(ROOT, p), { throwIfNoEntry: false })?.mtimeMs ?? 0));
/** The build is current when every output is newer than every input (make's rule; `make test` has just built it). */
const buildIsCurrent = () => Math.max(...INPUTS.flatMap((p) => mtimes(join(ROOT, p)))) <= oldestOutput();

/** CLI tests run the compiled program, so build it once before any test (also type-checks), unless it is current. */
export default function setup(): void {
  if (!buildIsCurrent()) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', cwd: ROOT });
}
