/**
 * kzpp's command line as a function: arguments and two output streams in, an exit code out. main.ts gives it the
 * process's; the tests give it strings (a run in the test process costs a fraction of a new Node process).
 */
import { parseArgs } from 'node:util';
import { EXIT, PipelineError } from '../errors.js';
import { PIPELINE } from '../lib/package.js';
import type { Command, Io } from './command.js';
import { stageLine } from './print.js';
import { buildCommand } from './commands/build.js';
import { diffCommand } from './commands/diff.js';
import { releaseCommand } from './commands/release.js';
import { verifyCommand } from './commands/verify.js';
import { extractCommand } from './commands/extract.js';
import { inspectCommand } from './commands/inspect.js';
import { schemasCommand } from './commands/schemas.js';
import { validateCommand } from './commands/validate.js';
import { verifyReleaseCommand } from './commands/verify-release.js';
import { dictionaryCommand } from './commands/dictionary.js';
import { serveCommand } from './commands/serve.js';

/** A new subcommand: its own file in commands/, one import above and one entry here (the order of kzpp --help). */
const COMMANDS: Command[] = [
  buildCommand,
  extractCommand,
  validateCommand,
  inspectCommand,
  diffCommand,
  releaseCommand,
  verifyCommand,
  verifyReleaseCommand,
  schemasCommand,
  dictionaryCommand,
  serveCommand,
];

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  human: { type: 'boolean' },
  debug: { type: 'boolean' },
} as const;

export const MAIN_HELP = () => `kzpp ${PIPELINE.version}: datasets of political prisoners from human-rights reports

Usage: kzpp <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(16)}${c.summary}`).join('\n')}

Options for every command: --help; --json (machine-readable output on stdout,
the default when stdout is not a terminal); --human (progress lines and a
summary even when piped); --debug (stack traces).
Run "kzpp <command> --help" for a command's options and an example.

Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input document, 4 source or
checksum, 5 validation, 6 version already published with other content,
7 another build is running.`;

/** Edit distance (insertions, deletions, substitutions): how far a typo is from a command. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** ' (did you mean "build"?)' for a command within two edits of the typo. */
function didYouMean(name: string): string {
  const [best] = COMMANDS.map((c) => ({ name: c.name, d: distance(name, c.name) })).sort((a, b) => a.d - b.d);
  return best && best.d <= 2 ? `: did you mean "${best.name}"?` : '';
}

/** The command's options; an unknown or malformed one is one short line naming it, not parseArgs' advice. */
function parseOptions(command: Command, args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { ...COMMON, ...command.options } });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw e;
    const option = /'(-[^']*)'/.exec((e as Error).message)?.[1];
    const what = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}` : (e as Error).message.split('.')[0];
    throw new PipelineError(`${what} for kzpp ${command.name} (see kzpp ${command.name} --help)`, EXIT.usage);
  }
}

/** Where a run writes, and whether its stdout is a terminal (progress lines for a person, JSON for a program). */
export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

async function dispatch(argv: string[], streams: Streams): Promise<number> {
  const [name, ...rest] = argv;
  const { stdout: out, stderr: err } = streams;
  if (name === 'help' && rest[0]) return dispatch([rest[0], '--help'], streams);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(`${MAIN_HELP()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    out(`${PIPELINE.version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new PipelineError(`unknown command "${name}"${didYouMean(name)} (see kzpp --help)`, EXIT.usage);
  const { values, positionals } = parseOptions(command, rest);
  if (values.help) {
    out(`${command.help}\n`);
    return EXIT.ok;
  }
  const json = Boolean(values.json) || (!values.human && !streams.isTTY);
  const io: Io = { out, err, json, progress: json ? undefined : (event) => err(stageLine(event)) };
  return command.run({ values, positionals }, io);
}

/** An error is one line whatever its message holds (a library's multi-line message, a name from the input). */
const oneLine = (message: string) => message.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** Run kzpp with `argv` (no "node kzpp"): every failure is one line on stderr and an exit code, never a throw. */
export async function run(argv: string[], streams: Streams): Promise<number> {
  try {
    return await dispatch(argv, streams);
  } catch (error) {
    const e = error as Error & { code?: string };
    let code: number;
    if (error instanceof PipelineError) {
      streams.stderr(`kzpp: error: ${oneLine(error.message)}\n`);
      code = error.exitCode;
    } else if (e?.code?.startsWith('ERR_PARSE_ARGS')) {
      streams.stderr(`kzpp: error: ${oneLine(e.message)} (see kzpp --help)\n`);
      code = EXIT.usage;
    } else {
      streams.stderr(`kzpp: internal error: ${oneLine(e?.message ?? String(error))} (rerun with --debug for details)\n`);
      code = EXIT.internal;
    }
    if (argv.includes('--debug')) streams.stderr(`${e?.stack}\n`);
    return code;
  }
}
