import { createHash } from 'node:crypto';

/** sha256 of bytes (or a string's UTF-8), in lower-case hex: checksums, manifests, SHA256SUMS. */
export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** sha256 in base64, as a Content-Security-Policy source names an inline script ('sha256-…'). */
export const sha256Base64 = (text: string) => createHash('sha256').update(text).digest('base64');
