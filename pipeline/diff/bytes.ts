/** Text and bytes appended in order and joined once: bytes already encoded (lines read from a file) are copied, never decoded. */
export class Bytes {
  private readonly parts: Buffer[] = [];
  private pending = '';

  text(s: string): void {
    this.pending += s;
    if (this.pending.length > 1 << 16) this.flush(); // encoded in blocks: one Buffer per short string would cost more
  }

  bytes(b: Buffer): void {
    this.flush();
    this.parts.push(b);
  }

  join(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }

  private flush(): void {
    if (!this.pending) return;
    this.parts.push(Buffer.from(this.pending));
    this.pending = '';
  }
}
