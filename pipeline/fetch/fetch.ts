import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256 } from '../lib/hash.js';
import { EXIT, PipelineError } from '../errors.js';
import { checkFileSize } from '../limits.js';
import { projectRoot } from '../lib/project.js';
import type { SourceFile, SourceManifest } from '../sources/manifest.js';

/** The shared mirror beside the project (of the package, not of the current directory). */
export const DEFAULT_MIRROR = '../shared/sources';

export interface FetchedFile {
  manifest: SourceManifest;
  file: SourceFile;
  /** Where the bytes came from: a mirror path or the URL. */
  origin: string;
  bytes: Buffer;
}

/** `$SOURCES_MIRROR` if set, else the shared mirror beside the project. */
export function mirrorRoot(override?: string): string {
  return resolve(override ?? process.env.SOURCES_MIRROR ?? resolve(projectRoot(), DEFAULT_MIRROR));
}

export function pickFile(manifest: SourceManifest, format = manifest.default_format): SourceFile {
  const file = manifest.files.find((f) => f.format === format);
  if (!file) throw new PipelineError(`source "${manifest.id}" declares no ${format} file`, EXIT.source, { file: manifest.id });
  return file;
}

/** The bytes of a source file are the ones its manifest declares (sha256), or nothing is built from them. */
export function checkSourceChecksum(bytes: Uint8Array, file: SourceFile, origin: string): void {
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
    checkFileSize(statSync(local).size, local);
    bytes = readFileSync(local);
    origin = local;
  } else if (file.url) {
    origin = file.url;
    bytes = await download(file.url, local);
  } else {
    throw new PipelineError(
      'not in the mirror and the manifest gives no URL to download it from; ' +
        `set SOURCES_MIRROR to a folder holding ${manifest.id}/${file.name}`,
      EXIT.source,
      { file: local },
    );
  }
  checkSourceChecksum(bytes, file, origin);
  return { manifest, file, origin, bytes };
}

/** The body of url, at most LIMITS.fileBytes of it; `local` is where the mirror copy was looked for, to say what to do. */
async function download(url: string, local: string): Promise<Buffer> {
  const failed = (why: string) =>
    new PipelineError(
      `not in the mirror (${local}), and downloading it failed: ${why}; put the file there or set SOURCES_MIRROR, or check the network`,
      EXIT.source,
      { file: url },
    );
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    throw failed(cause?.code ?? cause?.message ?? (e as Error).message);
  }
  if (!response.ok) throw failed(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  checkFileSize(declared, url);
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body ?? []) {
      received += chunk.length;
      checkFileSize(received, url);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw failed(`the connection broke after ${received} bytes (${(e as Error).message})`);
  }
  return Buffer.concat(chunks);
}
