/**
 * The encoding a page declares, found as a browser's pre-scan finds it: a
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * in the first 1024 bytes. Decoding itself follows the rules of any text
 * (parse/decode.ts).
 */
const META = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

export function declaredCharset(bytes: Uint8Array): string | undefined {
  return META.exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))?.[1];
}
