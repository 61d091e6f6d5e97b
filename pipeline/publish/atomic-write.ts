/**
 * Writing rendered files so that a failure part-way leaves nothing half-written in place: everything goes to
 * a temporary sibling first, then is renamed in.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive, sleep } from './lock.js';
import { checkOutputDir } from './output.js';
import { type Content, FileSink } from './sink.js';

/**
 * Test hooks: KZPP_PUBLISH_PAUSE_MS makes publishing pause after each file, so a test can kill a build at
 * chosen points; KZPP_PUBLISH_GATE=FILE holds it after each file until FILE exists, so a test decides when
 * a build that holds the lock may go on. Unset, they cost nothing.
 */
export function pauseForCrashTests(): void {
  const ms = Number(process.env.KZPP_PUBLISH_PAUSE_MS ?? 0);
  if (ms > 0) sleep(ms);
  const gate = process.env.KZPP_PUBLISH_GATE;
  if (gate) while (!existsSync(gate)) sleep(20);
}

/** File name -> content, in the order written: bytes, or made piece by piece as it is written (see sink.ts). */
export type Files = ReadonlyMap<string, Content>;

function writeContent(file: string, content: Content): void {
  if (Buffer.isBuffer(content)) {
    writeFileSync(file, content);
    return;
  }
  const fd = openSync(file, 'w');
  try {
    const sink = new FileSink(fd);
    content(sink);
    sink.end();
  } finally {
    closeSync(fd);
  }
}

export function writeFiles(dir: string, files: Files): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeContent(join(dir, name), content);
    pauseForCrashTests();
  }
}

/**
 * Ad-hoc output (no versioning; seal datasets first): files go to a temporary sibling first, so a failure
 * before the end leaves OUT as it was. 'replace' (new, empty or an earlier output: see output.ts) swaps the
 * sibling in for OUT whole; 'merge' (a foreign folder, --force) renames each file into it, removing nothing.
 */
export function writeOutput(out: string, files: Files, mode: 'replace' | 'merge' = 'replace'): void {
  checkOutputDir(out, '--out');
  const base = out.replace(/\/+$/, '');
  const tmp = `${base}.tmp-${process.pid}`;
  removeLeftovers(base);
  try {
    writeFiles(tmp, files);
    if (mode === 'replace') swapInto(tmp, base);
    else {
      for (const name of files.keys()) {
        mkdirSync(dirname(join(out, name)), { recursive: true });
        renameSync(join(tmp, name), join(out, name));
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The temporary and set-aside siblings of out that a killed run left behind (their process is gone). */
function removeLeftovers(out: string): void {
  const parent = dirname(out),
    name = basename(out);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    const pid = entry.startsWith(name) ? /^\.(?:tmp|old)-(\d+)$/.exec(entry.slice(name.length))?.[1] : undefined;
    if (pid && (Number(pid) === process.pid || !isAlive(Number(pid)))) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** Put a finished directory in place of out: the old one is moved aside first and removed after. */
function swapInto(ready: string, out: string): void {
  const old = `${out}.old-${process.pid}`;
  const had = existsSync(out);
  if (had) renameSync(out, old);
  else mkdirSync(dirname(out), { recursive: true });
  renameSync(ready, out);
  if (had) rmSync(old, { recursive: true, force: true });
}
