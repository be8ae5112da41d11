// What every storage adapter does to the bytes on their way through: count them
// (and stop past the limit), hash them, and tell the type from the first bytes.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { KanalError } from '../http/index.ts';

/** Enough of the start of a file for file-type to recognise it (zip-based formats included). */
const HEAD_BYTES = 64 * 1024;
export const UNKNOWN_TYPE = 'application/octet-stream';

export class FileTooLarge extends KanalError {
  constructor(readonly maxBytes: number) {
    super('payload_too_large', `The file is larger than the limit of ${maxBytes} bytes.`);
  }
}

export class FileTypeNotAllowed extends KanalError {
  constructor(
    readonly detected: string,
    readonly allowed: readonly string[],
  ) {
    super('validation_failed', `Files of type ${detected} are not accepted here.`, [{ field: 'file', message: `The file is ${detected}; accepted: ${allowed.join(', ')}.` }]);
  }
}

export interface DetectedType {
  /** From the bytes, never from the name: a PDF named photo.jpg is application/pdf. */
  contentType: string;
  /** The usual extension of that type, if known. */
  extension: string | undefined;
}

export class Inspector {
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private type: DetectedType | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly allowedTypes?: readonly string[],
  ) {}

  /** Passes the source through, throwing FileTooLarge or FileTypeNotAllowed as soon as it can tell. */
  async *pass(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
    for await (const raw of source) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      this.size += chunk.length;
      if (this.size > this.maxBytes) throw new FileTooLarge(this.maxBytes);
      this.hash.update(chunk);
      if (!this.type) {
        this.head.push(chunk);
        this.headBytes += chunk.length;
        if (this.headBytes >= HEAD_BYTES) await this.detect();
      }
      yield chunk;
    }
    if (!this.type) await this.detect();
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  get detected(): DetectedType {
    return this.type ?? { contentType: UNKNOWN_TYPE, extension: undefined };
  }

  private async detect(): Promise<void> {
    const found = await fileTypeFromBuffer(Buffer.concat(this.head));
    this.type = { contentType: found?.mime ?? UNKNOWN_TYPE, extension: found?.ext };
    this.head.length = 0;
    if (this.allowedTypes && !this.allowedTypes.includes(this.type.contentType)) throw new FileTypeNotAllowed(this.type.contentType, this.allowedTypes);
  }
}
