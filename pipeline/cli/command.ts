/** What every subcommand provides; the CLI's main only dispatches. */
import type { ParseArgsConfig } from 'node:util';

export interface Io {
  /** Results for a person or a program (stdout). */
  out: (text: string) => void;
  /** Progress and findings (stderr). */
  err: (text: string) => void;
  /** --json given, or stdout is not a terminal. */
  json: boolean;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help: usage, what it does, an example that works when pasted. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, io: Io): Promise<number>;
}

export const DEFAULT_SOURCE = 'odf-2025-02-13-tough-year';
