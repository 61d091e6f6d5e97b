import { PIPELINE } from '../../lib/package.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, PipelineError } from '../../errors.js';
import { checkReleaseIntegrity } from '../../publish/integrity.js';
import type { Command } from '../command.js';

export const verifyReleaseCommand: Command = {
  name: 'verify-release',
  summary: 'check a (downloaded) release against its SHA256SUMS and datapackage.json',
  help: `Usage: kzpp verify-release DIR [--json]

Checks that every file SHA256SUMS and datapackage.json list is in DIR with its
bytes and sha256, and that DIR holds no file they do not list. Prints one line
per problem and exits 5 if there is any. Same check as
"cd DIR && sha256sum -c SHA256SUMS", plus the data package's sizes and hashes.

Example:
  npx kzpp verify-release dist/${PIPELINE.version}`,
  options: {},
  async run({ positionals }, io) {
    const dir = positionals[0];
    if (!dir) throw new PipelineError('verify-release needs DIR (see kzpp verify-release --help)', EXIT.usage);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PipelineError('no such directory', EXIT.input, { file: dir });
    const { files, problems } = checkReleaseIntegrity(dir);
    for (const p of problems) io.err(`${join(dir, p.path)}: ${p.message}\n`);
    if (io.json) io.out(`${JSON.stringify({ dir, files, ok: problems.length === 0, problems })}\n`);
    else if (!problems.length) io.err(`${dir}: ${files} files verified\n`);
    return problems.length ? EXIT.validation : EXIT.ok;
  },
};
