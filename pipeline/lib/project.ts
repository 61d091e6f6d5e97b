/** Where the project is on disk, wherever the running code was compiled or bundled to. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding package.json, found upwards from this module: the
 * checkout, or the installed package. The pipeline's own files (sources/,
 * schemas/, identity/, releases/, docs/) are found from here, whatever the
 * current directory; paths a user names are taken from the current directory.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = dirname(dir);
  }
  return dir;
}

/** A file or folder of the pipeline's own, by its path in the package ("schemas", "docs/data-dictionary.md"). */
export const ownPath = (...parts: string[]) => join(projectRoot(), ...parts);
