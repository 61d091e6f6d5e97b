/** SHA256SUMS: the release's checksums in the format `sha256sum -c` reads. */
import { sha256 } from '../lib/hash.js';

export const CHECKSUMS_FILE = 'SHA256SUMS';

/** "<hex>  <path>" per file (two spaces: text mode, as sha256sum writes), in release order. */
export const renderChecksums = (files: Iterable<[string, Uint8Array]>) =>
  [...files].map(([path, bytes]) => `${sha256(bytes)}  ${path}\n`).join('');

export interface ChecksumLine {
  path: string;
  sha256: string;
  line: number;
}

/** Parse SHA256SUMS; a malformed line is reported by its number. */
export function parseChecksums(text: string): { entries: ChecksumLine[]; malformed: number[] } {
  const entries: ChecksumLine[] = [];
  const malformed: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw === '') return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(raw);
    if (m) entries.push({ sha256: m[1]!, path: m[2]!, line: i + 1 });
    else malformed.push(i + 1);
  });
  return { entries, malformed };
}
