/** The options `build` and `release` share, and the build they ask for: one reading of them for both commands. */
import { EXIT, PipelineError } from '../errors.js';
import type { BuildOptions } from '../orchestrate/build.js';
import { FORMATS, formatChoices, isFormat } from '../parse/formats.js';
import { claimDist } from '../publish/output.js';
import { type Command, DEFAULT_SOURCE } from './command.js';

export const BUILD_USAGE = `[--source ID] [--format ${FORMATS.join('|')}] [--mirror DIR] [--dist DIR] [--force] [--json]`;

export const BUILD_OPTIONS: Command['options'] = {
  source: { type: 'string' },
  format: { type: 'string' },
  mirror: { type: 'string' },
  dist: { type: 'string' },
  force: { type: 'boolean' },
};

/** The build the options ask for; a bad --format is a usage error, and --dist is claimed before anything is read. */
export function buildRequest(values: Record<string, unknown>): Pick<BuildOptions, 'sourceId' | 'format' | 'mirror' | 'dist'> {
  const format = values.format;
  if (format !== undefined && !(typeof format === 'string' && isFormat(format)))
    throw new PipelineError(`--format must be ${formatChoices()}`, EXIT.usage);
  claimDist((values.dist as string | undefined) ?? 'dist', Boolean(values.force));
  return {
    sourceId: (values.source as string | undefined) ?? DEFAULT_SOURCE,
    format,
    mirror: values.mirror as string | undefined,
    dist: values.dist as string | undefined,
  };
}
