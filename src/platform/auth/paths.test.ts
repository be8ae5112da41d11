import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loginUrl, safeReturnPath, stepUpUrl } from './paths.ts';

test('only paths on this site are followed after login', () => {
  assert.equal(safeReturnPath('/min-side?x=1'), '/min-side?x=1');
  for (const bad of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'min-side', '/a\nb', undefined, 42, '/'.padEnd(1001, 'a')]) {
    assert.equal(safeReturnPath(bad), undefined, JSON.stringify(bad));
  }
});

test('employees go straight to the staff login; others choose how to log in', () => {
  assert.equal(loginUrl('/medarbejder', ['caseworker', 'dpo'], false), '/auth/login/staff?til=%2Fmedarbejder');
  assert.equal(loginUrl('/min-side', ['citizen', 'business'], true), '/log-ind?til=%2Fmin-side&udloebet=1');
  assert.equal(loginUrl('/sag/1', ['citizen', 'caseworker'], false), '/log-ind?til=%2Fsag%2F1');
  assert.equal(stepUpUrl('business', '/min-side', 'high'), '/auth/login/business?til=%2Fmin-side&loa=high');
});
