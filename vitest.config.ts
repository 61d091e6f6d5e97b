import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000, // set-up that builds releases or writes large files, on a crowded machine
    globalSetup: ['tests/setup/compile.ts'],
    // vitest's default is one worker less than the cores: a single worker on 2 cores, so files ran one after another
    // while most of them wait on the CLI processes they spawn
    maxWorkers: availableParallelism(),
  },
});
