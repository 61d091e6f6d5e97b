/** Diff two sides (release directories or source documents) and write the diff files. */
import { loadIdentity } from '../identity/ledger.js';
import type { OutputMode } from '../publish/output.js';
import { writeOutput } from '../publish/release.js';
import { diffTables } from './compare.js';
import { loadSide, type Side } from './load.js';
import { type DatasetDiff, renderDiff } from './render.js';

export const diffSides = (from: Side, to: Side): DatasetDiff => ({ from: from.meta, to: to.meta, ...diffTables(from.tables, to.tables) });

/**
 * FROM is read first: people it names for the first time get their ids, and
 * TO is read with those, so a person respelled between two editions keeps one id.
 */
export async function diffPaths(fromPath: string, toPath: string): Promise<DatasetDiff> {
  const identity = loadIdentity();
  const from = await loadSide(fromPath, identity);
  const to = await loadSide(toPath, identity);
  return diffSides(from, to);
}

export function writeDiff(out: string, diff: DatasetDiff, mode: OutputMode = 'replace'): void {
  writeOutput(out, new Map([...renderDiff(diff)].map(([name, text]) => [name, Buffer.from(text)])), mode);
}
