import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import type { SourceFile, SourceManifest } from '../sources/manifest.js';

export const DEFAULT_MIRROR = '../shared/sources';

export interface FetchedFile {
  manifest: SourceManifest;
  file: SourceFile;
  /** Where the bytes came from: a mirror path or the URL. */
  origin: string;
  bytes: Buffer;
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** `$SOURCES_MIRROR` if set, else the shared mirror beside the project. */
export function mirrorRoot(override?: string): string {
  return resolve(override ?? process.env.SOURCES_MIRROR ?? DEFAULT_MIRROR);
}

export function pickFile(manifest: SourceManifest, format = manifest.default_format): SourceFile {
  const file = manifest.files.find((f) => f.format === format);
  if (!file) throw new PipelineError(`source "${manifest.id}" declares no ${format} file`, EXIT.source, { file: manifest.id });
  return file;
}

export function verifyChecksum(bytes: Uint8Array, file: SourceFile, origin: string): void {
  const actual = sha256(bytes);
  if (actual !== file.sha256) {
    throw new PipelineError(`checksum mismatch: expected sha256 ${file.sha256}, got ${actual}`, EXIT.source, { file: origin });
  }
}

/** Read a declared file from the mirror, or download it; the bytes are always checked. */
export async function fetchSourceFile(manifest: SourceManifest, file: SourceFile, mirror?: string): Promise<FetchedFile> {
  const local = join(mirrorRoot(mirror), manifest.id, file.name);
  let bytes: Buffer;
  let origin: string;
  if (existsSync(local)) {
    bytes = readFileSync(local);
    origin = local;
  } else if (file.url) {
    origin = file.url;
    bytes = await download(file.url);
  } else {
    throw new PipelineError(
      `not in the mirror and the manifest gives no URL to download it from; set SOURCES_MIRROR to a folder holding ${manifest.id}/${file.name}`,
      EXIT.source,
      { file: local },
    );
  }
  verifyChecksum(bytes, file, origin);
  return { manifest, file, origin, bytes };
}

async function download(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    throw new PipelineError(`download failed: ${(e as Error).message}`, EXIT.source, { file: url });
  }
  if (!response.ok) throw new PipelineError(`download failed: HTTP ${response.status}`, EXIT.source, { file: url });
  return Buffer.from(await response.arrayBuffer());
}
