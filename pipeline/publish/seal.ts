/** Sealing a rendered release: datapackage.json describes every file, SHA256SUMS hashes every file. */
import { EXIT, PipelineError } from '../errors.js';
import { CHECKSUMS_FILE, renderChecksums } from './checksums.js';
import { buildDatapackage, DATAPACKAGE_FILE } from './datapackage.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import type { Rendered } from './types.js';

/**
 * Add datapackage.json (describing every file) and SHA256SUMS (hashing every
 * file, datapackage.json included) to a rendered release. Idempotent: a
 * previous seal is replaced, so files appended after renderDataset are covered.
 */
export function sealRelease(rendered: Rendered): Rendered {
  const files: Rendered = new Map([...rendered].filter(([path]) => path !== DATAPACKAGE_FILE && path !== CHECKSUMS_FILE));
  const manifest = files.get(MANIFEST_FILE);
  if (!manifest) throw new PipelineError('a release needs manifest.json before it is sealed', EXIT.internal);
  const facts = JSON.parse(manifest.toString('utf8')) as Manifest;
  files.set(DATAPACKAGE_FILE, Buffer.from(`${JSON.stringify(buildDatapackage(files, facts), null, 2)}\n`));
  files.set(CHECKSUMS_FILE, Buffer.from(renderChecksums(files)));
  return files;
}
