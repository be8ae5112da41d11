// Files sent with a citizen's reply: a multipart form parsed in full before the CSRF check
// (which reads `_csrf` from the body), then each file put in platform storage.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FileStorage } from '../../platform/storage/index.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import type { NewAttachment } from './service.ts';

/** What citizens may send: documents and photos, detected from the bytes. */
export const allowedUploadTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10;

/** An uploaded file as the app's multipart parser leaves it in the body (src/app.ts). */
type UploadedPart = { name: string; bytes: Buffer };

/** The files of a multipart form's `files` field (one or several), empty parts left out. */
export function uploadedFiles(value: unknown): File[] {
  const parts = (Array.isArray(value) ? value : value === undefined ? [] : [value]) as UploadedPart[];
  const files = parts.filter((p) => p && typeof p === 'object' && p.bytes?.length > 0).map((p) => new File([new Uint8Array(p.bytes)], p.name));
  if (files.length > MAX_FILES) throw validationFailed([{ field: 'files', message: `Du kan sende højst ${MAX_FILES} filer ad gangen.` }]);
  return files;
}

/** Puts each file in storage under the case; a file of a type not allowed stops them all. */
export async function storeUploads(storage: FileStorage, caseId: number, files: readonly File[]): Promise<NewAttachment[]> {
  const stored: NewAttachment[] = [];
  try {
    for (const file of files) {
      const key = `cases/${caseId}/${randomUUID()}`;
      const result = await storage.put(key, Readable.from(Buffer.from(await file.arrayBuffer())), { maxBytes: MAX_UPLOAD_BYTES, allowedTypes: allowedUploadTypes });
      stored.push({ fileKey: key, filename: safeFilename(file.name), contentType: result.contentType, size: result.size });
    }
  } catch (error) {
    for (const s of stored) await storage.delete(s.fileKey);
    throw error;
  }
  return stored;
}

/** The name as the citizen gave it, without path parts or control characters, for display and download. */
export function safeFilename(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters have no place in a file name
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return base.slice(0, 200) || 'fil';
}
