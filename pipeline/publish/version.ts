/** Version numbers, MAJOR.MINOR.PATCH: the one place that reads, orders and checks them. */
import { EXIT, PipelineError } from '../errors.js';

const SEMVER = /^\d+\.\d+\.\d+$/;

/** "1.2.3" is a version (a release directory's name); "1.0/../x", ".lock" and "index.json" are not. */
export const isVersion = (name: string) => SEMVER.test(name);

/** Semver order: "1.10.0" after "1.9.0". */
export const compareVersions = (a: string, b: string) => {
  const pa = a.split('.').map(Number),
    pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

/**
 * A release's version names its directory and record file: anything but MAJOR.MINOR.PATCH ("1.0/../x")
 * is refused before a byte is written.
 */
export function checkVersion(version: string): void {
  if (!isVersion(version)) throw new PipelineError(`version "${version}" is not MAJOR.MINOR.PATCH`, EXIT.usage, { file: 'package.json' });
}
