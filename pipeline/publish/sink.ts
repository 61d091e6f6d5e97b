/**
 * A file's content made piece by piece: text (encoded as it goes) and bytes already encoded (copied, never
 * decoded). Collected into one Buffer (Bytes), or written to a file as it is made (FileSink), so a large
 * output (a diff of every record) is never in memory whole.
 */
import { writeSync } from 'node:fs';

export interface Sink {
  text(s: string): void;
  bytes(b: Buffer): void;
}

/** A file's content: its bytes, or what writes them into a sink. */
export type Content = Buffer | ((out: Sink) => void);

/** Short strings are joined before they are encoded: one encoding call per short string would cost more. */
const TEXT_BLOCK = 1 << 16;

/** Text and bytes appended in order and joined once. */
export class Bytes implements Sink {
  private readonly parts: Buffer[] = [];
  private pending = '';

  text(s: string): void {
    this.pending += s;
    if (this.pending.length > TEXT_BLOCK) this.flush();
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

/** The content's bytes, made whole. */
export function contentBytes(content: Content): Buffer {
  if (Buffer.isBuffer(content)) return content;
  const out = new Bytes();
  content(out);
  return out.join();
}

/** Bytes gathered in one reused buffer of this size and written when it fills: few system calls, little memory. */
const CHUNK = 1 << 20;

/** Pieces written to an open file descriptor through one reused buffer; `end` writes what is left. */
export class FileSink implements Sink {
  private readonly chunk = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private pending = '';

  constructor(private readonly fd: number) {}

  text(s: string): void {
    this.pending += s;
    if (this.pending.length > TEXT_BLOCK) this.encode();
  }

  bytes(b: Buffer): void {
    this.encode();
    if (this.used + b.length > CHUNK) this.flush();
    if (b.length > CHUNK) this.writeAll(b);
    else this.used += b.copy(this.chunk, this.used);
  }

  end(): void {
    this.encode();
    this.flush();
  }

  /** The pending text into the buffer (a UTF-16 unit is at most 3 bytes of UTF-8), or straight to the file when longer. */
  private encode(): void {
    const s = this.pending;
    if (!s) return;
    this.pending = '';
    if (this.used + s.length * 3 > CHUNK) this.flush();
    if (s.length * 3 > CHUNK) this.writeAll(Buffer.from(s));
    else this.used += this.chunk.write(s, this.used);
  }

  private flush(): void {
    this.writeAll(this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(b: Buffer): void {
    for (let done = 0; done < b.length; ) done += writeSync(this.fd, b, done, b.length - done);
  }
}
