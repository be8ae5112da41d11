// Random ids for cookies, stored only as hashes; CSRF tokens derived from them.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function newSecretId(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a cookie's id: a leaked table gives no live session. */
export function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * The CSRF token for a session (or, before login, for the anonymous CSRF cookie):
 * an HMAC of its id, so it needs no storage, and a new session gets a new token.
 */
export function csrfTokenFor(secret: string, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

export function csrfTokenMatches(secret: string, binding: string, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, binding));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
