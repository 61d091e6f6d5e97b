/**
 * Text and bytes appended in order, then written once into one Buffer of the exact size: bytes already encoded
 * (lines read from a file) are copied, never decoded, and no piece is encoded into a Buffer of its own.
 */
export class Bytes {
  private readonly parts: Array<string | Buffer> = [];
  private pending = '';

  text(s: string): void {
    this.pending += s;
    if (this.pending.length > 1 << 16) this.flush(); // a string built by += is flattened once, in blocks
  }

  bytes(b: Buffer): void {
    this.flush();
    this.parts.push(b);
  }

  join(): Buffer {
    this.flush();
    const sizes = this.parts.map((part) => (typeof part === 'string' ? Buffer.byteLength(part) : part.length));
    const out = Buffer.allocUnsafe(sizes.reduce((a, b) => a + b, 0)); // every byte is written below
    let at = 0;
    this.parts.forEach((part, k) => {
      if (typeof part === 'string') out.write(part, at);
      else part.copy(out, at);
      at += sizes[k]!;
    });
    return out;
  }

  private flush(): void {
    if (!this.pending) return;
    this.parts.push(this.pending);
    this.pending = '';
  }
}
