/** Diff two sides (release directories or source documents) and write the diff files. */
import type { OutputMode } from '../publish/output.js';
import { writeOutput } from '../publish/atomic-write.js';
import { diffTables } from './compare.js';
import type { Side } from './load.js';
import { type DatasetDiff, diffFiles } from './render.js';

export const diffSides = (from: Side, to: Side): DatasetDiff => ({ from: from.meta, to: to.meta, ...diffTables(from.tables, to.tables) });

export function writeDiff(out: string, diff: DatasetDiff, mode: OutputMode = 'replace'): void {
  writeOutput(out, diffFiles(diff), mode);
}
