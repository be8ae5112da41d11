import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config.ts';
import { citizenIdentityFromClaims, fromStored, loaFromClaim, LoginRefused, nsisAcr, staffIdentityFromClaims, toStored } from './identity.ts';

const config = loadConfig({});

test('NemLog-in\'s assurance URIs and plain names become levels', () => {
  assert.equal(loaFromClaim(nsisAcr.substantial), 'substantial');
  assert.equal(loaFromClaim('https://data.gov.dk/concept/core/nsis/loa/High'), 'high');
  assert.equal(loaFromClaim('low'), 'low');
  assert.equal(loaFromClaim('urn:something:else'), undefined);
  assert.equal(loaFromClaim(undefined), undefined);
});

test('a citizen\'s claims give a citizen with CPR number, name and level', () => {
  const identity = citizenIdentityFromClaims(config, 'citizen', { sub: 'abc', name: 'Anna Sørensen', cpr: '120388-1234', acr: nsisAcr.substantial });
  assert.deepEqual(identity, { kind: 'citizen', subject: 'abc', name: 'Anna Sørensen', loa: 'substantial', roles: ['citizen'], cpr: '1203881234' });
  const noLevel = citizenIdentityFromClaims(config, 'citizen', { sub: 'abc', given_name: 'Anna', family_name: 'Sørensen', cpr: '1203881234' });
  assert.equal(noLevel.name, 'Anna Sørensen');
  assert.equal(noLevel.loa, 'low', 'no level claimed: the lowest');
});

test('a business login gives the representative, the CVR number and the organisation', () => {
  const identity = citizenIdentityFromClaims(config, 'business', { sub: 'rep', name: 'Jens Nielsen', cvr: '31415926', organisation: 'Albertslund Cykler ApS', acr: nsisAcr.substantial });
  assert.deepEqual(identity, { kind: 'business', subject: 'rep', name: 'Jens Nielsen', loa: 'substantial', roles: ['business'], cvr: '31415926', organisation: 'Albertslund Cykler ApS' });
});

test('claims that do not fit the login chosen are refused with a reason', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof LoginRefused);
      return error.reason;
    }
    assert.fail('expected a refusal');
  };
  assert.equal(refusal(() => citizenIdentityFromClaims(config, 'citizen', { sub: 'x', name: 'A', cpr: '3102881234' })), 'missing-claims');
  assert.equal(refusal(() => citizenIdentityFromClaims(config, 'citizen', { sub: 'x', name: 'A', cpr: '1203881234', cvr: '31415926' })), 'wrong-kind');
  assert.equal(refusal(() => citizenIdentityFromClaims(config, 'business', { sub: 'x', name: 'A', cpr: '1203881234' })), 'wrong-kind');
  assert.equal(refusal(() => citizenIdentityFromClaims(config, 'citizen', { name: 'A', cpr: '1203881234' })), 'missing-claims');
  assert.equal(refusal(() => staffIdentityFromClaims(config, { sub: 'x', name: 'B', groups: ['everyone'], department: 'borgerservice' })), 'no-role');
  assert.equal(refusal(() => staffIdentityFromClaims(config, { sub: 'x', name: 'B', groups: ['kanal-caseworker'], department: 'Økonomi' })), 'unknown-department');
});

test('an employee\'s groups give Kanal roles, and the department is found by id or name', () => {
  const identity = staffIdentityFromClaims(config, { sub: 'emp-1', name: 'Lise Frandsen', groups: ['everyone', 'kanal-caseworker', 'kanal-dpo'], department: 'Social og Sundhed' });
  assert.deepEqual(identity.roles, ['caseworker', 'dpo']);
  assert.deepEqual(identity.department, { id: 'social-sundhed', name: 'Social og Sundhed', sensitive: true });
  assert.equal(identity.loa, 'substantial');
  assert.deepEqual(staffIdentityFromClaims(config, { sub: 'e', name: 'B', groups: 'kanal-frontdesk kanal-manager', department: 'borgerservice' }).roles, ['frontdesk', 'manager'], 'groups as one string');
});

test('a stored employee keeps the department by id and gets its current name back', () => {
  const identity = staffIdentityFromClaims(config, { sub: 'emp-1', name: 'Lise', groups: ['kanal-frontdesk'], department: 'borgerservice' });
  const stored = toStored(identity);
  assert.equal('department' in stored, false);
  const renamed = loadConfig({ KANAL_DEPARTMENTS: 'borgerservice=Borgerservice og Ydelser;administration=Administration', KANAL_SENSITIVE_DEPARTMENTS: 'none' });
  const back = fromStored(renamed, stored);
  assert.ok(back?.kind === 'staff');
  assert.equal(back.name, 'Lise');
  assert.equal(back.department.name, 'Borgerservice og Ydelser');
  assert.equal(fromStored(loadConfig({ KANAL_DEPARTMENTS: 'x=X', KANAL_SENSITIVE_DEPARTMENTS: 'none' }), stored), undefined, 'a removed department ends the session');
});
