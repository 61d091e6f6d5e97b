import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000, // CLI runs on a crowded 2-core machine: a timeout is for a hang, not for slowness
    hookTimeout: 120_000, // set-up that builds releases or writes large files, on a crowded machine
    globalSetup: ['tests/setup/compile.ts', 'tests/setup/run-dir.ts'],
    // vitest's default is one worker less than the cores: a single worker on 2 cores, so files ran one after another
    // while most of them wait on the CLI processes they spawn
    maxWorkers: availableParallelism(),
  },
});
