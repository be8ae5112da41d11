// File storage. Public surface:
//   createStorage(config) → FileStorage { put, get, stat, delete }  (local disk under the data dir)
//   FileTooLarge, FileTypeNotAllowed (KanalErrors), InvalidKey
import path from 'node:path';
import type { Config } from '../../config.ts';
import { localDiskStorage } from './local-disk.ts';
import type { FileStorage } from './types.ts';

export type { FileStorage, PutOptions, StoredFile } from './types.ts';
export { FileTooLarge, FileTypeNotAllowed, UNKNOWN_TYPE } from './inspect.ts';
export { InvalidKey } from './keys.ts';
export { localDiskStorage } from './local-disk.ts';

/** The configured storage: local disk in `$KANAL_DATA_DIR/files`. */
export function createStorage(config: Config): FileStorage {
  return localDiskStorage(path.join(config.dataDir, 'files'), { maxBytes: config.files.maxBytes });
}
