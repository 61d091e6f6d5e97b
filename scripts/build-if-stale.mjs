#!/usr/bin/env node
/**
 * `npm run build`, unless the build is newer than everything it is made from: the one owner of that rule, for npm's
 * prepare (npm ci, and the first `npx kzpp` in a checkout, which installs the project into npm's npx cache), for
 * make's build stamp and for the tests' global set-up. A rebuild replaces build/cli/ while any running kzpp reads it.
 *
 *   node scripts/build-if-stale.mjs [--check]   (--check: exit 1 when stale, build nothing)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What `npm run build` reads: the pipeline's sources, the build scripts, the compiler's settings, the dependencies. */
const INPUTS = ['pipeline', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What it writes: the bundle, and last the compiled validators. */
const OUTPUTS = ['build/cli/kzpp.mjs', 'build/validators.cjs'];

/** The newest modification time under path (a missing path counts as infinitely new, so nothing is current). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return Number.POSITIVE_INFINITY;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function buildIsCurrent(root = ROOT) {
  const oldestOutput = Math.min(...OUTPUTS.map((p) => statSync(join(root, p), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  return Math.max(...INPUTS.map((p) => newest(join(root, p)))) <= oldestOutput;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (buildIsCurrent()) process.exit(0);
  if (process.argv.includes('--check')) process.exit(1);
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
