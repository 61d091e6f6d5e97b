import { EXIT } from '../../errors.js';
import { build } from '../../orchestrate/build.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';
import { countsLine, printDiagnostics } from '../print.js';
import { BUILD_OPTIONS, BUILD_USAGE, buildRequest } from '../build-request.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the versioned release of a declared source into dist/',
  help: `Usage: kzpp build ${BUILD_USAGE}

Reads sources/<ID>/source.json, takes the file from the mirror (--mirror, else
$SOURCES_MIRROR, else ../shared/sources) or its URL, checks its sha256, and
publishes dist/<version>/. The Markdown file is read unless --format pdf.

Example:
  npx kzpp build --source ${DEFAULT_SOURCE}`,
  options: BUILD_OPTIONS,
  async run({ values }, io) {
    const request = buildRequest(values);
    const started = performance.now();
    const result = await build({
      ...request,
      onStage: io.progress,
    });
    printDiagnostics(io, result.doc.file, result.diagnostics);
    if (io.json)
      io.out(
        `${JSON.stringify({ version: result.version, dir: result.dir, outcome: result.outcome, counts: countsOf(result.dataset) })}\n`,
      );
    else
      io.err(`${result.outcome} ${result.dir}: ${countsLine(result.dataset)} (${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
    return EXIT.ok;
  },
};

export const countsOf = (dataset: Record<string, unknown[]>) =>
  Object.fromEntries(Object.entries(dataset).map(([t, rows]) => [t, rows.length]));
