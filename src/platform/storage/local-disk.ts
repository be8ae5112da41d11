// Files on the local disk, under the data directory. A put writes to a temporary
// file, syncs it and renames it into place (then syncs the directory), so a stored
// file is complete and durable, and a failed or oversized upload leaves nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { notFound } from '../http/index.ts';
import { assertValidKey, InvalidKey } from './keys.ts';
import { Inspector } from './inspect.ts';
import type { FileStorage, PutOptions, StoredFile } from './types.ts';

const TMP = '.tmp';
const STALE_TMP_MS = 24 * 3600 * 1000;

export function localDiskStorage(rootDir: string, options: { maxBytes: number }): FileStorage {
  const root = path.resolve(rootDir);
  const tmpDir = path.join(root, TMP);
  let swept = false;

  const pathOf = (key: string) => {
    assertValidKey(key);
    const full = path.resolve(root, key);
    // The key rules already forbid "..": this is the second lock on the same door.
    if (!full.startsWith(root + path.sep)) throw new InvalidKey(key);
    return full;
  };

  /** Removes temporary files a crashed process left behind. */
  async function sweep(): Promise<void> {
    if (swept) return;
    swept = true;
    const entries = await fs.readdir(tmpDir).catch(() => [] as string[]);
    for (const name of entries) {
      const file = path.join(tmpDir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > STALE_TMP_MS) await fs.rm(file, { force: true });
    }
  }

  return {
    async put(key: string, body: Readable | AsyncIterable<Uint8Array>, putOptions: PutOptions = {}): Promise<StoredFile> {
      const target = pathOf(key);
      await fs.mkdir(tmpDir, { recursive: true });
      await sweep();
      const inspector = new Inspector(Math.min(putOptions.maxBytes ?? options.maxBytes, options.maxBytes), putOptions.allowedTypes);
      const tmp = path.join(tmpDir, randomUUID());
      const handle = await fs.open(tmp, 'wx', 0o600);
      try {
        for await (const chunk of inspector.pass(body)) {
          let written = 0;
          while (written < chunk.length) written += (await handle.write(chunk, written)).bytesWritten;
        }
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(tmp, { force: true });
        throw error; // leaving the loop early also destroyed the source stream (an upload still arriving)
      }
      await handle.close();
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(tmp, target);
      await syncDirectory(path.dirname(target));
      return { key, size: inspector.size, sha256: inspector.sha256, ...inspector.detected };
    },

    async get(key: string): Promise<Readable> {
      const handle = await fs.open(pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'EISDIR') throw notFound(`No file is stored under ${key}.`);
        throw error;
      });
      return handle.createReadStream();
    },

    async stat(key: string) {
      const stat = await fs.stat(pathOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return stat?.isFile() ? { size: stat.size } : undefined;
    },

    async delete(key: string): Promise<boolean> {
      const file = pathOf(key);
      try {
        await fs.rm(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
      await syncDirectory(path.dirname(file));
      return true;
    },
  };
}

/** A rename or unlink is durable only once its directory is synced. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
