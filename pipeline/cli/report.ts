import { formatPlace } from '../errors.js';
import type { Diagnostic } from '../extract/diagnostics.js';
import type { Io } from './command.js';

export function printDiagnostics(io: Io, file: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) io.err(`${formatPlace({ file, line: d.line, page: d.page })}: ${d.level}: ${d.message}\n`);
}

export const countsLine = (dataset: Record<string, unknown[]>) =>
  Object.entries(dataset)
    .map(([t, rows]) => `${rows.length} ${t}`)
    .join(', ');
