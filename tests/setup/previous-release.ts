import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrevious } from '../../pipeline/history/index.js';
import { PIPELINE } from '../../pipeline/lib/package.js';

/**
 * The recorded release before the current version, rebuilt at its commit once per checkout (build/releases/),
 * before any test's clock starts. Every build into an empty dist diffs against it; on a fresh clone making it
 * compiles and rebuilds each older release in turn (minutes on a slow machine), which the first test to build
 * would otherwise pay inside its hook's timeout (kill.test.ts timed out so in CI). A no-op once it is there.
 */
export default function setup(): void {
  const dist = mkdtempSync(join(tmpdir(), 'kzpp-previous-'));
  try {
    ensurePrevious(dist, PIPELINE.version);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
