/** What every subcommand provides; the CLI's main only dispatches. */
import type { ParseArgsConfig } from 'node:util';
import type { OnStage } from '../orchestrate/stage.js';

export interface Io {
  /** Results for a person or a program (stdout). */
  out: (text: string) => void;
  /** Progress and findings (stderr). */
  err: (text: string) => void;
  /** --json given, or stdout is not a terminal (and no --human). */
  json: boolean;
  /** A line per pipeline stage on stderr for a person; undefined when quiet (--json). */
  progress?: OnStage;
}

export interface Command {
  name: string;
  summary: string;
  /**
   * Full help: usage, what it does, and an "Example:" section whose lines
   * ("  npx kzpp ...") work when pasted in the project root after `make`
   * (tests/cli-help.test.ts runs every one).
   */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, io: Io): Promise<number>;
}

export const DEFAULT_SOURCE = 'odf-2025-02-13-tough-year';
