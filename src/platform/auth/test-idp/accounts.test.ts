import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../config.ts';
import { staffRoles } from '../../policy/index.ts';
import { birthDateOfCpr } from '../cpr.ts';
import { testAccounts } from './accounts.ts';

const config = loadConfig({});
const accounts = testAccounts(config);
const age = (birthDate: string) => new Date().getFullYear() - Number(birthDate.slice(0, 4));

test('test citizens have CPR numbers with real dates and Albertslund addresses, and include a child and an elderly person', () => {
  const citizens = accounts.filter((a) => a.kind === 'citizen');
  assert.ok(citizens.length >= 5);
  for (const c of citizens) {
    assert.equal(birthDateOfCpr(c.facts.cpr!), c.facts.birthDate, c.name);
    assert.match(c.facts.address!, /2620 Albertslund$/);
    assert.ok(!c.id.includes(c.facts.cpr!), 'the subject identifier is not the CPR number');
  }
  assert.ok(citizens.some((c) => age(c.facts.birthDate!) < 18), 'a child');
  assert.ok(citizens.some((c) => age(c.facts.birthDate!) >= 80), 'an elderly person');
});

test('test businesses and associations have CVR numbers', () => {
  const businesses = accounts.filter((a) => a.kind === 'business');
  assert.ok(businesses.some((b) => /ApS/.test(b.facts.organisation!)));
  assert.ok(businesses.some((b) => /forening|klub/i.test(b.facts.organisation!)));
  for (const b of businesses) assert.match(b.facts.cvr!, /^\d{8}$/);
});

test('there are test employees in every department and every staff role', () => {
  const staff = accounts.filter((a) => a.kind === 'staff');
  for (const department of config.auth.departments) assert.ok(staff.some((s) => s.facts.department === department.name && s.facts.role), department.name);
  for (const role of staffRoles) assert.ok(staff.some((s) => s.facts.role === role), role);
  assert.ok(staff.some((s) => s.facts.role === undefined), 'one employee without a Kanal role, to test the refusal');
  assert.equal(new Set(accounts.map((a) => a.id)).size, accounts.length, 'ids are unique');
});

test('the claims use the names Kanal is configured to read', () => {
  const custom = testAccounts(loadConfig({ KANAL_CITIZEN_OIDC_CLAIMS: 'cpr=dk:cpr,name=name,cvr=dk:cvr,organisation=org,loa=acr', KANAL_STAFF_OIDC_CLAIMS: 'name=name,groups=roles,department=afdeling' }));
  assert.equal(custom.find((a) => a.kind === 'citizen')?.claims['dk:cpr'], '1203881234');
  const employee = custom.find((a) => a.kind === 'staff')!;
  assert.ok(Array.isArray(employee.claims.roles));
  assert.equal(employee.claims.afdeling, 'borgerservice');
});
