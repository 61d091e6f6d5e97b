/** kzpp: the command line. The only module that touches process.argv, stdout and exit codes. */
import { parseArgs } from 'node:util';
import { EXIT, PipelineError } from '../errors.js';
import { PIPELINE } from '../run.js';
import type { Command, Io } from './command.js';
import { buildCommand } from './commands/build.js';
import { extractCommand } from './commands/extract.js';
import { schemasCommand } from './commands/schemas.js';
import { verifyReleaseCommand } from './commands/verify-release.js';
import { dictionaryCommand } from './commands/dictionary.js';

const COMMANDS: Command[] = [buildCommand, extractCommand, schemasCommand, verifyReleaseCommand, dictionaryCommand];

const COMMON = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, debug: { type: 'boolean' } } as const;

export const MAIN_HELP = () => `kzpp ${PIPELINE.version}: datasets of political prisoners from human-rights reports

Usage: kzpp <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(16)}${c.summary}`).join('\n')}

Options for every command: --help, --json (machine-readable output), --debug (stack traces)
Run "kzpp <command> --help" for a command's options and an example.

Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input document, 4 source or
checksum, 5 validation, 6 version already published with other content,
7 another build is running.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const io: Io = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    json: rest.includes('--json') || !process.stdout.isTTY,
  };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${MAIN_HELP()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.out(`${PIPELINE.version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new PipelineError(`unknown command "${name}" (see kzpp --help)`, EXIT.usage);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { ...COMMON, ...command.options } });
  if (values.help) {
    io.out(`${command.help}\n`);
    return EXIT.ok;
  }
  return command.run({ values, positionals }, io);
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const e = error as Error & { code?: string };
    if (error instanceof PipelineError) {
      process.stderr.write(`kzpp: error: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else if (e?.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`kzpp: error: ${e.message} (see kzpp --help)\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`kzpp: internal error: ${e?.message ?? String(error)} (rerun with --debug for details)\n`);
      process.exitCode = EXIT.internal;
    }
    if (debug) process.stderr.write(`${e?.stack}\n`);
  },
);
