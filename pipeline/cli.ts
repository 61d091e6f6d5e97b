/** Command line: the only place that talks to the terminal. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT, PipelineError } from './errors.js';
import type { Diagnostic } from './extract/diagnostics.js';
import { TABLES, type TableName } from './model/records.js';
import { build, extractFile, PIPELINE } from './run.js';
import { schemaFileText } from './validate/schemas.js';
import { readFileSync } from 'node:fs';

const DEFAULT_SOURCE = 'odf-2025-02-13-tough-year';

const HELP: Record<string, string> = {
  main: `kzpp ${PIPELINE.version}: political prisoners datasets from human-rights reports

Usage: kzpp <command> [options]

Commands:
  build     build the versioned release of a declared source into dist/
  extract   extract the dataset from any document in the report's format
  schemas   write (or --check) the JSON Schemas in schemas/

Run "kzpp <command> --help" for a command's options and examples.
Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input document, 4 source or checksum,
5 validation, 6 version already published with other content, 7 another build is running.`,
  build: `Usage: kzpp build [--source ID] [--format markdown|pdf] [--mirror DIR] [--dist DIR] [--json]

Reads sources/<ID>/source.json, takes the file from the mirror (--mirror, else
$SOURCES_MIRROR, else ../shared/sources) or its URL, checks its sha256, and
publishes dist/<version>/.

Example:
  npx kzpp build --source ${DEFAULT_SOURCE}`,
  extract: `Usage: kzpp extract INPUT --out DIR [--source-id ID] [--json]

Writes the dataset files for INPUT (Markdown or PDF in the report's format) into
DIR, without versioning. On bad input DIR is left as it was.

Example:
  npx kzpp extract ../shared/sources/${DEFAULT_SOURCE}/report.md --out out`,
  schemas: `Usage: kzpp schemas [--check]

Writes schemas/<table>.schema.json from the record definitions; with --check,
fails (exit 5) when a committed schema differs.

Example:
  npx kzpp schemas --check`,
};

function printDiagnostics(file: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${file}:${d.page ? `page ${d.page}:` : ''}line ${d.line}: ${d.level}: ${d.message}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      debug: { type: 'boolean' },
      source: { type: 'string' },
      'source-id': { type: 'string' },
      format: { type: 'string' },
      mirror: { type: 'string' },
      dist: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean' },
    },
  });
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP.main}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version') {
    process.stdout.write(`${PIPELINE.version}\n`);
    return EXIT.ok;
  }
  if (!(command in HELP) || command === 'main') throw new PipelineError(`unknown command "${command}" (see kzpp --help)`, EXIT.usage);
  if (values.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return EXIT.ok;
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(2)} s`;

  switch (command) {
    case 'build': {
      const format = values.format;
      if (format !== undefined && format !== 'markdown' && format !== 'pdf') throw new PipelineError(`--format must be markdown or pdf`, EXIT.usage);
      const result = await build({ sourceId: values.source ?? DEFAULT_SOURCE, format, mirror: values.mirror, dist: values.dist });
      printDiagnostics(result.doc.file, result.diagnostics);
      const counts = Object.fromEntries(Object.entries(result.dataset).map(([t, rows]) => [t, rows?.length ?? 0]));
      if (values.json) process.stdout.write(`${JSON.stringify({ version: result.version, dir: result.dir, outcome: result.outcome, counts })}\n`);
      else process.stderr.write(`${result.outcome} ${result.dir}: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')} (${elapsed()})\n`);
      return EXIT.ok;
    }
    case 'extract': {
      const input = positionals[0];
      if (!input || !values.out) throw new PipelineError('extract needs INPUT and --out DIR (see kzpp extract --help)', EXIT.usage);
      const result = await extractFile(input, values.out, values['source-id']);
      printDiagnostics(input, result.diagnostics);
      const counts = Object.fromEntries(Object.entries(result.dataset).map(([t, rows]) => [t, rows?.length ?? 0]));
      if (values.json) process.stdout.write(`${JSON.stringify({ out: values.out, counts })}\n`);
      else process.stderr.write(`wrote ${values.out}: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')} (${elapsed()})\n`);
      return EXIT.ok;
    }
    case 'schemas': {
      const stale: string[] = [];
      for (const table of Object.keys(TABLES) as TableName[]) {
        const path = `schemas/${table}.schema.json`;
        const text = schemaFileText(table);
        if (!values.check) writeFileSync(path, text);
        else if (readFileOrEmpty(path) !== text) stale.push(path);
      }
      if (stale.length) throw new PipelineError(`stale JSON Schemas: ${stale.join(', ')} (run make schemas)`, EXIT.validation);
      return EXIT.ok;
    }
  }
  return EXIT.usage;
}

function readFileOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PipelineError) {
      process.stderr.write(`kzpp: error: ${error.format()}\n`);
      if (debug) process.stderr.write(`${error.stack}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`kzpp: error: ${error.message}\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`kzpp: internal error: ${(error as Error)?.message ?? String(error)} (rerun with --debug for details)\n`);
      if (debug) process.stderr.write(`${(error as Error)?.stack}\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
