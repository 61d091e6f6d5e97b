/**
 * Kill safety (issue #13): `kill -9` at any moment of `extract` into a folder
 * holding an earlier output leaves that folder exactly one whole output, the
 * earlier or the new one (its SHA256SUMS verifies and lists exactly its files);
 * the same for `build` into dist/. Kill moments are spread over the whole run
 * (KZPP_PUBLISH_PAUSE_MS slows the writing so many of them fall into it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReleaseIntegrity } from '../pipeline/publish/integrity.js';
import { fixture, kzpp, loadFactor, ROOT, sharedBuild, snapshot, tempDir } from './helpers.js';
import { recordedVersions } from '../pipeline/history/records.js';

const KZPP = join(ROOT, 'bin', 'kzpp.js');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
/** The latest recorded release before VERSION: a build into an empty dist rebuilds it to diff against. */
const PREVIOUS = recordedVersions(join(ROOT, 'releases'))
  .filter((v) => v !== VERSION)
  .slice(-1);
/** Milliseconds after the start: before the output is written, while it is, around the renames, after. */
const MOMENTS = [200, 600, 900, 1200, 1500, 1800, 2300, 3000];
/** Each step runs the CLI two or three times: two minutes on a quiet machine, stretched by the load of a shared one. */
const STEP_MS = 120_000 * loadFactor();

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [KZPP, ...args], { cwd: ROOT, env: { ...process.env, KZPP_PUBLISH_PAUSE_MS: '10' }, stdio: 'ignore' });
}

async function killAfter(child: ChildProcess, ms: number): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  await exited;
}

/** A complete output: SHA256SUMS verifies, and lists exactly the files there are. */
function expectWhole(dir: string): void {
  expect(checkReleaseIntegrity(dir).problems).toEqual([]);
}

const visible = (tree: Record<string, string>) =>
  Object.fromEntries(Object.entries(tree).filter(([path]) => !path.split('/').some((p) => p.startsWith('.'))));

/**
 * Made once: an earlier output and the new one (two fixtures: what is tested is the writing, which is the
 * same for any document, and a small one leaves more of the run to it), and a complete dist/ of the report.
 */
const made = tempDir();
const EARLIER = join(made, 'earlier');
const NEWER = join(made, 'newer');
const INPUT = fixture('mini-report.md');
let REFERENCE: string;
beforeAll(async () => {
  expect((await kzpp(['extract', fixture('tables-report.md'), '--out', EARLIER])).status).toBe(0);
  expect((await kzpp(['extract', INPUT, '--out', NEWER])).status).toBe(0);
  REFERENCE = await sharedBuild();
}, STEP_MS);

describe('kill -9 at many moments', () => {
  it.each(MOMENTS)(
    'extract killed after %i ms leaves OUT the earlier or the new output, whole',
    async (ms) => {
      const work = tempDir();
      const out = join(work, 'out');
      cpSync(EARLIER, out, { recursive: true });
      const earlier = snapshot(out);
      const expected = snapshot(NEWER);

      await killAfter(start(['extract', INPUT, '--out', out]), ms);
      expect(existsSync(out)).toBe(true);
      expectWhole(out);
      expect([earlier, expected]).toContainEqual(snapshot(out));

      const again = await kzpp(['extract', INPUT, '--out', out]); // the next run, in the test process: the killed one was real
      expect(again.status, again.stderr).toBe(0);
      expect(snapshot(out)).toEqual(expected);
      expect(readdirSync(dirname(out))).toEqual(['out']); // no temporary or aside copy left
    },
    STEP_MS,
  );

  it.each(MOMENTS)(
    'build killed after %i ms leaves dist/ with only whole releases, and the next build completes it',
    async (ms) => {
      const dist = tempDir();
      const reference = REFERENCE;

      await killAfter(start(['build', '--dist', dist]), ms);
      // nothing yet; the release renamed into place, its index not yet written; or all of it (hidden leftovers aside)
      const { '/index.json': _, ...withoutIndex } = snapshot(reference);
      // the previous recorded release (rebuilt to diff against) is renamed into place first, whole
      const previousOnly = Object.fromEntries(Object.entries(withoutIndex).filter(([path]) => !path.startsWith(`/${VERSION}/`)));
      expect([{}, previousOnly, withoutIndex, snapshot(reference)]).toContainEqual(visible(snapshot(dist)));
      for (const previous of PREVIOUS) if (existsSync(join(dist, previous))) expectWhole(join(dist, previous));
      if (existsSync(join(dist, VERSION))) expectWhole(join(dist, VERSION));
      if (existsSync(join(dist, 'index.json')))
        expect(JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8')).versions).toEqual([...PREVIOUS, VERSION]);

      const again = await kzpp(['build', '--dist', dist]);
      expect(again.status, again.stderr).toBe(0);
      expect(snapshot(dist)).toEqual(snapshot(reference)); // leftovers (a .tmp- directory, a stale lock) removed
    },
    STEP_MS,
  );
});
