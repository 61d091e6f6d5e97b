/** kzpp: the command line. The only module that touches process.argv, stdout and exit codes. */
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

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const out = (t: string) => void process.stdout.write(t);
  const err = (t: string) => void process.stderr.write(t);
  if (name === 'help' && rest[0]) return main([rest[0], '--help']);
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
  const json = Boolean(values.json) || (!values.human && !process.stdout.isTTY);
  const io: Io = { out, err, json, progress: json ? undefined : (event) => err(stageLine(event)) };
  return command.run({ values, positionals }, io);
}

const debug = process.argv.includes('--debug');
/** An error is one line whatever its message holds (a library's multi-line message, a name from the input). */
const oneLine = (message: string) => message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const e = error as Error & { code?: string };
    if (error instanceof PipelineError) {
      process.stderr.write(`kzpp: error: ${oneLine(error.message)}\n`);
      process.exitCode = error.exitCode;
    } else if (e?.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`kzpp: error: ${oneLine(e.message)} (see kzpp --help)\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`kzpp: internal error: ${oneLine(e?.message ?? String(error))} (rerun with --debug for details)\n`);
      process.exitCode = EXIT.internal;
    }
    if (debug) process.stderr.write(`${e?.stack}\n`);
  },
);
