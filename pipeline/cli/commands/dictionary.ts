import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXIT, PipelineError } from '../../errors.js';
import { refusePublished } from '../../publish/output.js';
import { ownPath } from '../../lib/project.js';
import { fetchSourceFile, pickFile } from '../../fetch/fetch.js';
import { readDocument } from '../../parse/document.js';
import { DICTIONARY_FILE, renderDictionary } from '../../publish/dictionary.js';
import { extractAll } from '../../orchestrate/extract.js';
import { PIPELINE } from '../../lib/package.js';
import { sqliteFileOf } from '../../publish/analytic-input.js';
import { loadManifest } from '../../sources/manifest.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';

const readOrEmpty = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

export const dictionaryCommand: Command = {
  name: 'dictionary',
  summary: `write (or --check) ${DICTIONARY_FILE} from the schemas and the data`,
  help: `Usage: kzpp dictionary [--check] [--source ID] [--mirror DIR] [--file PATH]

Writes the data dictionary (every table and field: type, meaning, an example
from the data of the source) to PATH (default ${DICTIONARY_FILE}); with --check,
fails (exit 5) when PATH differs from what would be written.

Example:
  npx kzpp dictionary --check`,
  options: { check: { type: 'boolean' }, source: { type: 'string' }, mirror: { type: 'string' }, file: { type: 'string' } },
  async run({ values }, io) {
    if (!values.check && values.file) refusePublished(dirname(values.file as string), '--file');
    const manifest = loadManifest((values.source as string | undefined) ?? DEFAULT_SOURCE);
    const fetched = await fetchSourceFile(manifest, pickFile(manifest), values.mirror as string | undefined);
    const doc = await readDocument(fetched.bytes, fetched.origin, fetched.file.format);
    const text = renderDictionary(
      extractAll(doc, manifest.id).dataset,
      { ...manifest, file: fetched.file.name },
      sqliteFileOf(PIPELINE.name),
    );
    const file = (values.file as string | undefined) ?? ownPath(DICTIONARY_FILE);
    if (values.check) {
      if (readOrEmpty(file) !== text)
        throw new PipelineError('the data dictionary is stale (run make data-dictionary)', EXIT.validation, { file });
      return EXIT.ok;
    }
    writeFileSync(file, text);
    io.err(`wrote ${file}\n`);
    return EXIT.ok;
  },
};
