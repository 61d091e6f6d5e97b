import { EXIT, PipelineError } from '../../errors.js';
import { claimDist } from '../../publish/output.js';
import { FORMATS, formatChoices, isFormat } from '../../parse/formats.js';
import { build } from '../../orchestrate/build.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';
import { countsLine, printDiagnostics } from '../print.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the versioned release of a declared source into dist/',
  help: `Usage: kzpp build [--source ID] [--format ${FORMATS.join('|')}] [--mirror DIR] [--dist DIR] [--force] [--json]

Reads sources/<ID>/source.json, takes the file from the mirror (--mirror, else
$SOURCES_MIRROR, else ../shared/sources) or its URL, checks its sha256, and
publishes dist/<version>/. The Markdown file is read unless --format pdf.

Example:
  npx kzpp build --source ${DEFAULT_SOURCE}`,
  options: {
    source: { type: 'string' },
    format: { type: 'string' },
    mirror: { type: 'string' },
    dist: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ values }, io) {
    const format = values.format;
    if (format !== undefined && !isFormat(format)) throw new PipelineError(`--format must be ${formatChoices()}`, EXIT.usage);
    claimDist((values.dist as string | undefined) ?? 'dist', Boolean(values.force));
    const started = performance.now();
    const result = await build({
      sourceId: (values.source as string | undefined) ?? DEFAULT_SOURCE,
      format,
      mirror: values.mirror as string | undefined,
      dist: values.dist as string | undefined,
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
