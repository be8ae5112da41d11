// Files sent with a citizen's reply: a multipart form parsed in full before the CSRF check
// (which reads `_csrf` from the body), then each file put in platform storage.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FileStorage } from '../../platform/storage/index.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import type { NewAttachment } from './service.ts';

/** What citizens may send: documents and photos, detected from the bytes. */
export const allowedUploadTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10;

export type UploadForm = { _csrf?: string; text?: string; files: File[] };

/** Parses multipart/form-data into a plain body in this scope only (the rest of the app never sees multipart). */
export function acceptMultipart(scope: FastifyInstance): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024 }, async (request: FastifyRequest, body: Buffer) => {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
    const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
    const files = form.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0);
    if (files.length > MAX_FILES) throw validationFailed([{ field: 'files', message: `Du kan sende højst ${MAX_FILES} filer ad gangen.` }]);
    return { _csrf: text('_csrf'), text: text('text'), files } satisfies UploadForm;
  });
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
