/** Running the CLI for the corpus: asynchronously, a few at a time. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { asUsersRunIt, type CliResult } from '../helpers.js';

/** Run `node kzpp ...args` as a user would, without blocking the test runner. */
export function cliAsync(kzpp: string, args: string[], cwd: string): Promise<CliResult & { ms: number }> {
  return spawned(process.execPath, [kzpp, ...args], cwd);
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

/** What the issue promises for any input within the limits: this much wall time and peak memory (this machine, idle). */
export const COST_BOUND = { ms: 3_000, mb: 300 };

export interface Measured {
  /** Peak resident set size of the process, MB. */
  mb: number;
  /** CPU time (user + system), ms; NaN where only /proc could be polled. */
  cpuMs: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Run the CLI and measure it from outside: GNU time's report (peak RSS and
 * CPU time from the kernel's accounting of the child) where installed, else
 * the child's high-water mark (VmHWM) polled from /proc until it exits.
 */
export async function cliMeasured(
  kzpp: string,
  args: string[],
  cwd: string,
  report: string,
): Promise<CliResult & { ms: number } & Measured> {
  if (existsSync(GNU_TIME)) {
    const r = await spawned(GNU_TIME, ['-f', '%M %U %S', '-o', report, process.execPath, kzpp, ...args], cwd, { env: asUsersRunIt() });
    const [kB, user, system] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { ...r, mb: kB! / 1024, cpuMs: (user! + system!) * 1000 };
  }
  let peakKb = 0;
  const poll = (pid: number) => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  };
  const r = await spawned(process.execPath, [kzpp, ...args], cwd, { poll, env: asUsersRunIt() });
  return { ...r, mb: peakKb / 1024, cpuMs: Number.NaN };
}

/** Spawn, collect output; `poll(pid)` every 5 ms while it runs (a poll racing the exit is ignored). */
function spawned(
  command: string,
  args: string[],
  cwd: string,
  { poll, env = process.env }: { poll?: (pid: number) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult & { ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer =
      poll &&
      setInterval(() => {
        try {
          poll(child.pid!);
        } catch {
          // the process ended between two polls
        }
      }, 5);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (timer) clearInterval(timer);
      resolve({ status: status ?? -1, stdout, stderr, ms: performance.now() - started });
    });
  });
}
