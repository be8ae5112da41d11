import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, maskCpr, newRequestId } from './logger.ts';

test('CPR-shaped numbers are masked, with or without the dash', () => {
  assert.equal(maskCpr('lookup 0101701234 done'), 'lookup [cpr] done');
  assert.equal(maskCpr('cpr=311299-1234&x=1'), 'cpr=[cpr]&x=1');
  assert.equal(maskCpr('"2103450017"'), '"[cpr]"');
});

test('other numbers are left alone', () => {
  for (const text of [
    'case 2026-004211', // case reference
    'took 1732700000000 ms', // a longer number
    'id 3201701234', // day 32 is no day
    'id 0113701234', // month 13 is no month
    '2026-11-27T09:02:15.123Z', // a timestamp
    'phone 43686868',
  ]) {
    assert.equal(maskCpr(text), text);
  }
});

test('the logger masks a CPR number whatever field it is put in', () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
  const logger = createLogger('info', sink);
  logger.info({ person: '010170-1234', nested: { note: 'borger 0101701234' } }, 'looked up 0101701234');
  assert.equal(lines.length, 1);
  assert.doesNotMatch(lines[0]!, /0101701234|010170-1234/);
  assert.equal((lines[0]!.match(/\[cpr\]/g) ?? []).length, 3);
});

test('request URLs are logged without their query string', () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
  const logger = createLogger('info', sink);
  logger.info({ req: { method: 'GET', url: '/soeg?q=mit+navn', id: 'r1' } }, 'incoming request');
  assert.match(lines[0]!, /"path":"\/soeg"/);
  assert.doesNotMatch(lines[0]!, /mit\+navn/);
});

test('a request id is never one the CPR mask would hide', () => {
  // One that crypto.randomUUID() gave: its last group holds 2302457255, which reads as 230245-7255.
  const draws = ['655746ff-e3db-40cc-a828-8f2302457255', '0f8e2b6c-5d1a-4c3e-9b7a-2d4c6e8f0a1b'];
  assert.notEqual(maskCpr(draws[0]!), draws[0]);
  assert.equal(newRequestId(() => draws.shift()!), '0f8e2b6c-5d1a-4c3e-9b7a-2d4c6e8f0a1b');
  for (let i = 0; i < 20_000; i++) {
    const id = newRequestId();
    assert.equal(maskCpr(id), id);
  }
});
