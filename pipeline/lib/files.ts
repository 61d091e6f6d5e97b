import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under dir, as paths relative to it ("excel/prisoners.csv"). */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}
