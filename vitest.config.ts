import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The slowest files first (2026-12-02, 4 workers): the run ends when its longest file does, so that file must not
 * start last. Without timings from an earlier run (a fresh clone, CI) vitest starts the largest files first, and
 * cli-help (a short file that runs for 30-60 s) started near the end.
 */
const SLOWEST = ['corpus', 'cli-help', 'release-consumers', 'kill', 'history', 'bench', 'fuzz', 'site-browser', 'cli-anywhere', 'cli'];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOWEST.indexOf(basename(file.moduleId, '.test.ts'));
      return at < 0 ? SLOWEST.length : at;
    };
    return (await super.sort(files))
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}

/**
 * Every CLI process the tests start (and every older program a rebuild runs) uses V8's baseline compiler only: each
 * is short, and optimising its hot functions in the background cost it about a fifth more CPU than it saved, on a
 * machine whose two cores the test run keeps busy (docs/performance.md). Set before the workers start, so they inherit it.
 */
process.env.KZPP_V8_FLAGS ??= '--max-opt=1';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000, // CLI runs on a crowded 2-core machine: a timeout is for a hang, not for slowness
    hookTimeout: 120_000, // set-up that builds releases or writes large files, on a crowded machine
    globalSetup: ['tests/setup/compile.ts', 'tests/setup/previous-release.ts', 'tests/setup/run-dir.ts'],
    // twice the cores: many files wait on what they start (processes killed at set moments, builds holding a lock, the
    // browser), so with one worker per core the cores sat idle a quarter of the time (2 cores, idle machine, 2026-12-02:
    // 2 workers 189 s, 3 workers 160 s, 4 workers 138 s, the same CPU time); vitest's default is cores - 1
    maxWorkers: 2 * availableParallelism(),
    // test files share a worker's loaded modules (no test mocks modules or changes the environment): importing
    // the pipeline once per worker instead of once per file halved the import time of the in-process suites
    isolate: false,
    sequence: { sequencer: SlowestFirst },
  },
});
