import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EXIT, PipelineError } from '../errors.js';
import { ownPath } from '../lib/project.js';
import { FORMATS } from '../parse/formats.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** A bare file name: the manifest must never point outside the source's folder. */
const fileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a bare file name (no path separators)');

export const SourceFile = z.strictObject({
  format: z.enum(FORMATS),
  name: fileName,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
  bytes: z.number().int().positive(),
  url: z.url().nullable(),
  note: z.string().optional(),
});
export type SourceFile = z.infer<typeof SourceFile>;

export const SourceManifest = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
  title: z.string().min(1),
  publisher: z.string().min(1),
  coalition: z.array(z.string().min(1)),
  published_on: isoDate,
  url: z.url(),
  language: z.string().regex(/^[a-z]{2}$/),
  default_format: z.enum(FORMATS),
  files: z.array(SourceFile).min(1),
  assertions: z.strictObject({
    prisoners: z.number().int().nonnegative(),
    convicted: z.number().int().nonnegative(),
    pre_trial: z.number().int().nonnegative(),
    footnotes: z.number().int().nonnegative(),
  }),
});
export type SourceManifest = z.infer<typeof SourceManifest>;

/** The declared sources: the package's own, wherever the CLI is started. */
export const SOURCES_DIR = ownPath('sources');

export function manifestPath(sourceId: string, root = SOURCES_DIR): string {
  return join(root, sourceId, 'source.json');
}

/** Parse a manifest; unknown keys and missing fields are errors naming the field. */
export function parseManifest(text: string, file: string): SourceManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PipelineError(`invalid JSON: ${(e as Error).message}`, EXIT.source, { file });
  }
  const result = SourceManifest.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    throw new PipelineError(`invalid source manifest at ${path}: ${issue.message}`, EXIT.source, { file });
  }
  return result.data;
}

/** The ids of the declared sources, in name order. */
export const declaredIds = (root = SOURCES_DIR): string[] =>
  existsSync(root)
    ? readdirSync(root)
        .filter((id) => existsSync(manifestPath(id, root)))
        .sort()
    : [];

export function loadManifest(sourceId: string, root = SOURCES_DIR): SourceManifest {
  const file = manifestPath(sourceId, root);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PipelineError(`no source manifest for "${sourceId}" (declared: ${declaredIds(root).join(', ') || 'none'})`, EXIT.source, {
      file,
    });
  }
  return parseManifest(text, file);
}
