import { formatPlace } from '../errors.js';
import type { Diagnostic } from '../extract/diagnostics.js';
import type { StageEvent } from '../orchestrate/stage.js';
import type { Io } from './command.js';

export function printDiagnostics(io: Io, file: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) io.err(`${formatPlace({ file, line: d.line, page: d.page })}: ${d.level}: ${d.message}\n`);
}

export const countsLine = (dataset: Record<string, unknown[]>) =>
  Object.entries(dataset)
    .map(([t, rows]) => `${rows.length} ${t}`)
    .join(', ');

/** "  parse     1234 blocks                     12 ms": one line per stage, for a terminal. */
export const stageLine = (e: StageEvent) => `  ${e.stage.padEnd(10)}${e.summary.padEnd(48)} ${formatMs(e.ms).padStart(8)}\n`;

export const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
