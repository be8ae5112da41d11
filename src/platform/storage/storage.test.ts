import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { KanalError } from '../http/index.ts';
import { localDiskStorage, FileTooLarge, FileTypeNotAllowed, InvalidKey, type FileStorage } from './index.ts';

let dir: string;
let storage: FileStorage;
const MiB = 1024 * 1024;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-storage-'));
  storage = localDiskStorage(dir, { maxBytes: 10 * MiB });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under the root, the temporary directory included. */
const filesUnder = (root: string): string[] =>
  fs.readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(root, e.name)) : [path.relative(dir, path.join(root, e.name))]));

// A minimal PDF, as a scanner or a browser's "print to PDF" starts one.
const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
// The start of a JPEG (SOI, JFIF APP0 segment).
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), randomBytes(2000), Buffer.from([0xff, 0xd9])]);

test('a file is stored, read back, and deleted; size and SHA-256 are reported', async () => {
  const content = randomBytes(3 * MiB + 17);
  const stored = await storage.put('cases/2026/123/attachment-1', Readable.from([content.subarray(0, MiB), content.subarray(MiB)]));
  assert.equal(stored.size, content.length);
  assert.equal(stored.sha256, createHash('sha256').update(content).digest('hex'));
  assert.equal(stored.contentType, 'application/octet-stream');
  assert.deepEqual(await storage.stat('cases/2026/123/attachment-1'), { size: content.length });
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.get('cases/2026/123/attachment-1')) chunks.push(chunk as Buffer);
  assert.ok(Buffer.concat(chunks).equals(content));
  assert.equal(await storage.delete('cases/2026/123/attachment-1'), true);
  assert.equal(await storage.delete('cases/2026/123/attachment-1'), false);
  assert.equal(await storage.stat('cases/2026/123/attachment-1'), undefined);
  await assert.rejects(storage.get('cases/2026/123/attachment-1'), (e: unknown) => e instanceof KanalError && e.code === 'not_found');
});

test('the checksum of a known text', async () => {
  const stored = await storage.put('known.txt', Readable.from([Buffer.from('abc')]));
  assert.equal(stored.sha256, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(await text(await storage.get('known.txt')), 'abc');
});

test('the size limit is enforced while streaming: the upload stops, and nothing is left', async () => {
  let pulled = 0;
  async function* endless() {
    for (;;) {
      pulled++;
      yield randomBytes(MiB);
    }
  }
  await assert.rejects(storage.put('too/big.bin', endless(), { maxBytes: 3 * MiB }), (error: unknown) => {
    assert.ok(error instanceof FileTooLarge);
    assert.equal(error.code, 'payload_too_large');
    assert.equal(error.maxBytes, 3 * MiB);
    return true;
  });
  assert.equal(pulled, 4, 'reading stopped at the first chunk past the limit');
  assert.equal(await storage.stat('too/big.bin'), undefined);
  assert.deepEqual(filesUnder(dir).filter((f) => f.startsWith('.tmp')), [], 'the partial file was deleted');
});

test('the storage-wide limit applies when a caller asks for more', async () => {
  const small = localDiskStorage(dir, { maxBytes: 1000 });
  await assert.rejects(small.put('limit.bin', Readable.from([randomBytes(1001)]), { maxBytes: 5000 }), FileTooLarge);
  const exact = await small.put('limit.bin', Readable.from([randomBytes(1000)]));
  assert.equal(exact.size, 1000);
});

test('a failed upload does not replace the file already stored under the key', async () => {
  await storage.put('keep/me.pdf', Readable.from([pdf]));
  async function* broken() {
    yield Buffer.from('%PDF-1.7 the start of a new version');
    throw new Error('the connection was reset');
  }
  await assert.rejects(storage.put('keep/me.pdf', broken()), /connection was reset/);
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.get('keep/me.pdf')) chunks.push(chunk as Buffer);
  assert.ok(Buffer.concat(chunks).equals(pdf));
});

test('the content type comes from the bytes: a PDF renamed to .jpg is a PDF', async () => {
  const stored = await storage.put('uploads/photo.jpg', Readable.from([pdf]));
  assert.equal(stored.contentType, 'application/pdf');
  assert.equal(stored.extension, 'pdf');
  const real = await storage.put('uploads/real-photo.jpg', Readable.from([jpeg]));
  assert.equal(real.contentType, 'image/jpeg');
});

test('a type that is not allowed is refused and not stored', async () => {
  await assert.rejects(storage.put('uploads/fake.jpg', Readable.from([pdf]), { allowedTypes: ['image/jpeg', 'image/png'] }), (error: unknown) => {
    assert.ok(error instanceof FileTypeNotAllowed);
    assert.equal(error.detected, 'application/pdf');
    assert.deepEqual(error.details, [{ field: 'file', message: 'The file is application/pdf; accepted: image/jpeg, image/png.' }]);
    return true;
  });
  assert.equal(await storage.stat('uploads/fake.jpg'), undefined);
  const ok = await storage.put('uploads/ok.jpg', Readable.from([jpeg]), { allowedTypes: ['image/jpeg'] });
  assert.equal(ok.contentType, 'image/jpeg');
});

test('a large file of a refused type is stopped after its first bytes', async () => {
  let pulled = 0;
  async function* bigPdf() {
    pulled++;
    yield pdf;
    for (let i = 0; i < 50; i++) {
      pulled++;
      yield randomBytes(64 * 1024);
    }
  }
  await assert.rejects(storage.put('uploads/big.jpg', bigPdf(), { allowedTypes: ['image/jpeg'] }), FileTypeNotAllowed);
  assert.ok(pulled <= 3, `pulled ${pulled} chunks`);
});

test('keys cannot leave the storage directory or name hidden files', async () => {
  for (const key of ['../outside', '/etc/passwd', 'a/../../b', 'a/./b', 'a//b', '.tmp/x', 'a/.hidden', 'a\\b', 'a/b/', '', 'x'.repeat(600), 'sag/æble', 'a b']) {
    await assert.rejects(storage.put(key, Readable.from([Buffer.from('x')])), InvalidKey, key);
    await assert.rejects(storage.get(key), InvalidKey, key);
    await assert.rejects(storage.delete(key), InvalidKey, key);
  }
  assert.ok(!fs.existsSync(path.join(dir, '..', 'outside')));
});

test('stored files are in place under the root, with no temporary files left', async () => {
  await storage.put('durable/file.txt', Readable.from([Buffer.from('kvittering')]));
  assert.equal(fs.readFileSync(path.join(dir, 'durable', 'file.txt'), 'utf8'), 'kvittering');
  assert.deepEqual(fs.readdirSync(path.join(dir, '.tmp')), []);
});
