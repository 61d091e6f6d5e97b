import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000, // set-up that builds releases or writes large files, on a crowded machine
    globalSetup: ['tests/setup/compile.ts'],
  },
});
