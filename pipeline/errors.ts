/** Exit codes are part of the CLI's contract; docs/cli.md lists them. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  input: 3, // the document cannot be read or is not in the report's format
  source: 4, // manifest invalid, file missing, checksum mismatch
  validation: 5, // records or source assertions fail the gate
  publish: 6, // refusing to overwrite a published version
  busy: 7, // another build holds the lock
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Place {
  file: string;
  line?: number;
  page?: number;
}

/** Where a place is known: "file:page P:line L". */
export function formatPlace(p: Place): string {
  return [p.file, p.page !== undefined ? `page ${p.page}` : undefined, p.line !== undefined ? `line ${p.line}` : undefined]
    .filter(Boolean)
    .join(':');
}

/** An expected failure: printed as one line ("file:line: what went wrong"), never with a stack trace. */
export class PipelineError extends Error {
  constructor(
    reason: string,
    readonly exitCode: ExitCode,
    readonly place?: Place,
  ) {
    super(place ? `${formatPlace(place)}: ${reason}` : reason);
    this.name = 'PipelineError';
  }

  format(): string {
    return this.message;
  }
}

export const inputError = (message: string, place: Place) => new PipelineError(message, EXIT.input, place);
