/** Running the CLI for the corpus: asynchronously, a few at a time. */
import { spawn } from 'node:child_process';
import type { CliResult } from '../helpers.js';

/** Run `node kzpp ...args` as a user would, without blocking the test runner. */
export function cliAsync(kzpp: string, args: string[], cwd: string): Promise<CliResult & { ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kzpp, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr, ms: performance.now() - started }));
  });
}

/** At most `size` tasks at once (the machine has two cores, shared). */
export function limiter(size: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
