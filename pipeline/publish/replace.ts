/**
 * `kzpp extract --out OUT`: OUT is replaced whole. The new output is written
 * to a sibling directory and sealed; then OUT is renamed aside and the new one
 * renamed into its place, so a kill at any moment leaves OUT the earlier
 * output or the new one, each complete, never a mix. (Between the two renames,
 * a few microseconds, OUT is absent; the next run puts the earlier output
 * back.) Renaming a directory away could lose someone's files: OUT must be
 * new, empty, or an earlier output (only files its SHA256SUMS lists).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { CHECKSUMS_FILE, parseChecksums } from './checksums.js';
import { listFiles, type Rendered, writeFiles } from './release.js';

const withoutSlash = (out: string) => out.replace(/(.)\/+$/, '$1');

/** Is the process alive? (EPERM: alive, but not ours.) */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Siblings `OUT.tmp-<pid>` and `OUT.old-<pid>` left by runs that were killed. */
function leftovers(out: string): Array<{ path: string; kind: 'tmp' | 'old'; pid: number }> {
  const parent = dirname(out);
  const pattern = new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`);
  if (!existsSync(parent)) return [];
  return readdirSync(parent).flatMap((name) => {
    const m = pattern.exec(name);
    return m && !isAlive(Number(m[2])) ? [{ path: join(parent, name), kind: m[1] as 'tmp' | 'old', pid: Number(m[2]) }] : [];
  });
}

/** After a kill between the two renames OUT is missing: the earlier output is put back. Other leftovers are removed. */
function recoverInterrupted(out: string): void {
  for (const left of leftovers(out)) {
    if (left.kind === 'old' && !existsSync(out)) renameSync(left.path, out);
    else rmSync(left.path, { recursive: true, force: true });
  }
}

/** OUT is new, empty, or holds an earlier output; else refused before any work (exit 2). */
export function checkReplaceableOutput(out: string): void {
  const dir = withoutSlash(out);
  recoverInterrupted(dir);
  if (!existsSync(dir)) return;
  const present = listFiles(dir);
  if (present.length === 0) return;
  const sums = existsSync(join(dir, CHECKSUMS_FILE)) ? parseChecksums(readFileSync(join(dir, CHECKSUMS_FILE), 'utf8')).entries : [];
  const listed = new Set([CHECKSUMS_FILE, ...sums.map((e) => e.path)]);
  const foreign = present.filter((path) => !listed.has(path));
  if (sums.length === 0 || foreign.length) {
    const named = (foreign.length ? foreign : present).slice(0, 3).join(', ');
    throw new PipelineError(`--out holds files that are not an earlier output of kzpp extract (${named}); it is replaced whole: give a new or empty directory`, EXIT.usage, { file: out });
  }
}

/** Write `files` (sealed) as OUT's whole new content. */
export function replaceOutput(out: string, files: Rendered): void {
  const dir = withoutSlash(out);
  checkReplaceableOutput(dir);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  writeFiles(tmp, files);
  if (!existsSync(dir)) return renameSync(tmp, dir);
  const old = `${dir}.old-${process.pid}`;
  renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
}
