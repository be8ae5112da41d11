// Uploaded files: checked by content (not by name or the browser's word), limited in
// size and count per field, scanned through a hook, and kept in a file store.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { FileStorage } from '../../platform/storage/index.ts';
import { fileTypeFromBuffer } from 'file-type';
import type { Lang } from '../../platform/i18n/index.ts';
import { formatNumber } from '../../platform/i18n/index.ts';
import { DEFAULT_MAX_FILES, DEFAULT_MAX_SIZE_MB } from './fields.ts';
import { selfServiceMessages } from './messages.ts';
import type { FieldOf } from './schema.ts';

/**
 * Where file bytes live: platform storage (local disk or object storage), under selfservice/.
 * The key comes first, so the attachment row that owns a file is written before the file.
 */
export interface FileStore {
  newKey(): string;
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export function storageFileStore(storage: FileStorage): FileStore {
  return {
    newKey: () => `selfservice/${randomUUID()}`,
    async put(key, bytes) {
      await storage.put(key, Readable.from([bytes]));
    },
    async get(key) {
      return buffer(await storage.get(key));
    },
    async delete(key) {
      await storage.delete(key);
    },
  };
}

/** The virus-scan hook. The default accepts everything; a municipality plugs in its scanner. */
export type VirusScanner = (bytes: Buffer, name: string) => Promise<'clean' | 'infected'>;
export const noVirusScan: VirusScanner = async () => 'clean';

const KINDS: Record<'image' | 'pdf', string[]> = {
  image: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'image/tiff'],
  pdf: ['application/pdf'],
};

export interface Upload {
  name: string;
  bytes: Buffer;
  /** The upload went over the size limit and was cut off. */
  truncated: boolean;
}

/** Checks one upload against its field; the message is ready for the error summary. */
export async function checkUpload(field: FieldOf<'file'>, upload: Upload, alreadyThere: number, lang: Lang, scan: VirusScanner): Promise<{ type: string } | { error: string }> {
  const t = selfServiceMessages[lang];
  const maxMb = field.maxSizeMb ?? DEFAULT_MAX_SIZE_MB;
  const maxFiles = field.maxFiles ?? DEFAULT_MAX_FILES;
  const name = path.basename(upload.name).slice(0, 200) || 'fil';
  if (alreadyThere >= maxFiles) return { error: t.tooManyFiles(maxFiles) };
  if (upload.bytes.length === 0) return { error: t.fileEmpty(name) };
  if (upload.truncated || upload.bytes.length > maxMb * 1024 * 1024) return { error: t.fileTooBig(name, formatNumber(lang, maxMb, maxMb % 1 === 0 ? 0 : 1)) };
  const kinds = field.accept ?? ['image', 'pdf'];
  const detected = await fileTypeFromBuffer(upload.bytes);
  if (!detected || !kinds.some((k) => KINDS[k].includes(detected.mime))) {
    return { error: t.fileType(name, kinds.map((k) => t.fileKinds[k]).join(` ${lang === 'da' ? 'eller' : 'or'} `)) };
  }
  if ((await scan(upload.bytes, name)) === 'infected') return { error: t.fileInfected(name) };
  return { type: detected.mime };
}
