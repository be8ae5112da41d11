// API keys for the JSON API, made by an admin and scoped to departments. Only a hash is
// stored; the key is shown once. A key looks like kanal_<8 characters>_<secret>.
import { createHash, randomBytes } from 'node:crypto';
import { json, now, type Db, type Trx } from '../../platform/db/index.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import * as store from './store.ts';

export type ApiClient = { id: number; name: string; departments: string[] };

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createApiKey(trx: Trx, input: { name: string; departments: readonly string[]; createdBy: string }): Promise<{ id: number; key: string }> {
  const problems = [];
  if (input.name.trim() === '') problems.push({ field: 'name', message: 'Giv nøglen et navn, fx systemets navn.' });
  if (input.departments.length === 0) problems.push({ field: 'departments', message: 'Vælg mindst én forvaltning.' });
  if (problems.length > 0) throw validationFailed(problems);
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  const key = `kanal_${prefix}_${randomBytes(24).toString('base64url')}`;
  const id = await store.insertApiKey(trx, {
    name: input.name.trim(),
    key_prefix: prefix,
    key_hash: hash(key),
    departments: json([...new Set(input.departments)]),
    created_by: input.createdBy,
    created_at: now(),
    revoked_at: null,
    last_used_at: null,
  });
  return { id, key };
}

/** The client a bearer key belongs to, or undefined for an unknown or revoked key. */
export async function authenticateApiKey(db: Db, key: string): Promise<ApiClient | undefined> {
  if (!/^kanal_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{32}$/.test(key)) return undefined;
  const row = await store.findApiKeyByHash(db, hash(key));
  if (!row) return undefined;
  await store.touchApiKey(db, row.id, now());
  return { id: row.id, name: row.name, departments: row.departments };
}

export { listApiKeys, revokeApiKey } from './store.ts';
