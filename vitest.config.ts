import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000, // CLI runs on a crowded 2-core machine: a timeout is for a hang, not for slowness
    hookTimeout: 120_000, // set-up that builds releases or writes large files, on a crowded machine
    globalSetup: ['tests/setup/compile.ts', 'tests/setup/run-dir.ts'],
    // twice the cores: many files wait on what they start (processes killed at set moments, builds holding a lock, the
    // browser), so with one worker per core the cores sat idle a quarter of the time (2 cores, idle machine, 2026-12-02:
    // 2 workers 189 s, 3 workers 160 s, 4 workers 138 s, the same CPU time); vitest's default is cores - 1
    maxWorkers: 2 * availableParallelism(),
    // test files share a worker's loaded modules (no test mocks modules or changes the environment): importing
    // the pipeline once per worker instead of once per file halved the import time of the in-process suites
    isolate: false,
  },
});
