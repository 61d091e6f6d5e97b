import { EXIT, PipelineError } from '../../errors.js';
import { extractFile } from '../../orchestrate/build.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';
import { countsLine, printDiagnostics } from '../report.js';
import { countsOf } from './build.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: "extract the dataset from any document in the report's format",
  help: `Usage: kzpp extract INPUT --out DIR [--source-id ID] [--json]

Writes the dataset files for INPUT (Markdown or PDF in the report's format) into
DIR, without versioning. On bad input DIR is left as it was.

Example:
  npx kzpp extract ../shared/sources/${DEFAULT_SOURCE}/report.md --out out`,
  options: { out: { type: 'string' }, 'source-id': { type: 'string' } },
  async run({ values, positionals }, io) {
    const input = positionals[0];
    const out = values.out as string | undefined;
    if (!input || !out) throw new PipelineError('extract needs INPUT and --out DIR (see kzpp extract --help)', EXIT.usage);
    const started = performance.now();
    const result = await extractFile(input, out, values['source-id'] as string | undefined, io.progress);
    printDiagnostics(io, input, result.diagnostics);
    if (io.json) io.out(`${JSON.stringify({ out, counts: countsOf(result.dataset) })}\n`);
    else io.err(`wrote ${out}: ${countsLine(result.dataset)} (${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
    return EXIT.ok;
  },
};
