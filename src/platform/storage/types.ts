import type { Readable } from 'node:stream';
import type { DetectedType } from './inspect.ts';

export interface PutOptions {
  /** A smaller limit than KANAL_FILE_MAX_BYTES for this file. */
  maxBytes?: number;
  /** Content types accepted (detected from the bytes); others are refused while streaming. */
  allowedTypes?: readonly string[];
}

export interface StoredFile extends DetectedType {
  key: string;
  size: number;
  /** SHA-256 of the content, hex. Store it beside the key to check the file later. */
  sha256: string;
}

/**
 * Files by key. Local disk is the default; an S3-compatible adapter implements the same
 * four operations (put as a multipart upload fed through the same Inspector).
 */
export interface FileStorage {
  /** Stores the stream under the key (replacing a file there), or stores nothing and throws. */
  put(key: string, body: Readable | AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StoredFile>;
  /** The file's content; throws not_found when there is none. */
  get(key: string): Promise<Readable>;
  stat(key: string): Promise<{ size: number } | undefined>;
  /** false when there was no file. */
  delete(key: string): Promise<boolean>;
}
