import { EXIT, PipelineError } from '../../errors.js';
import { claimOutput, isExtractOutput } from '../../publish/output.js';
import { extractFile } from '../../orchestrate/build.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';
import { countsLine, printDiagnostics } from '../print.js';
import { countsOf } from './build.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: "extract the dataset from any document in the report's format",
  help: `Usage: kzpp extract INPUT --out DIR [--source-id ID] [--force] [--json]

Writes the dataset files for INPUT (Markdown or PDF in the report's format) into
DIR, without versioning. On bad input DIR is left as it was. An earlier output
of kzpp extract in DIR is replaced whole; any other non-empty DIR is refused
(exit 2) unless --force (then files are written into it, nothing removed); a DIR
in a published release is refused (exit 6).

Example:
  npx kzpp extract ../shared/sources/${DEFAULT_SOURCE}/report.md --out out`,
  options: { out: { type: 'string' }, 'source-id': { type: 'string' }, force: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const input = positionals[0];
    const out = values.out as string | undefined;
    if (!input || !out) throw new PipelineError('extract needs INPUT and --out DIR (see kzpp extract --help)', EXIT.usage);
    const mode = claimOutput(out, { option: '--out', force: Boolean(values.force), command: 'extract', isEarlierOutput: isExtractOutput });
    const started = performance.now();
    const result = await extractFile(input, out, values['source-id'] as string | undefined, io.progress, mode);
    printDiagnostics(io, input, result.diagnostics);
    if (io.json) io.out(`${JSON.stringify({ out, counts: countsOf(result.dataset) })}\n`);
    else io.err(`wrote ${out}: ${countsLine(result.dataset)} (${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
    return EXIT.ok;
  },
};
