import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, type Principal } from './index.ts';

const citizen: Principal = { roles: ['citizen'], loa: 'substantial' };
const lowCitizen: Principal = { roles: ['citizen'], loa: 'low' };
const caseworker: Principal = { roles: ['caseworker'], loa: 'substantial', departmentId: 'boern-unge' };

test('a public route admits everyone', () => {
  assert.deepEqual(decide({ public: true }, undefined), { allow: true });
  assert.deepEqual(decide({ public: true }, caseworker), { allow: true });
});

test('a role route: anonymous must log in, another role is forbidden, the role is admitted', () => {
  const access = { roles: ['caseworker', 'manager'] } as const;
  assert.deepEqual(decide(access, undefined), { allow: false, reason: 'unauthenticated' });
  assert.deepEqual(decide(access, citizen), { allow: false, reason: 'forbidden' });
  assert.deepEqual(decide(access, caseworker), { allow: true });
  assert.deepEqual(decide(access, { roles: ['frontdesk', 'manager'], loa: 'low', departmentId: 'x' }), { allow: true }, 'any one of several roles is enough');
});

test('too low an assurance level asks for a new login at the level needed', () => {
  const access = { roles: ['citizen'], loa: 'substantial' } as const;
  assert.deepEqual(decide(access, lowCitizen), { allow: false, reason: 'step-up', loa: 'substantial' });
  assert.deepEqual(decide(access, citizen), { allow: true });
  assert.deepEqual(decide({ roles: ['citizen'], loa: 'high' }, citizen), { allow: false, reason: 'step-up', loa: 'high' });
  // The role is checked first: a low login of the wrong role is forbidden, not stepped up.
  assert.deepEqual(decide({ roles: ['caseworker'], loa: 'high' }, lowCitizen), { allow: false, reason: 'forbidden' });
});

test('"own department" needs a department to compare with', () => {
  const access = { roles: ['caseworker'], department: 'own' } as const;
  assert.deepEqual(decide(access, caseworker), { allow: true });
  assert.deepEqual(decide(access, { roles: ['caseworker'], loa: 'substantial' }), { allow: false, reason: 'forbidden' });
});
