// The identity layer's settings: safe defaults for development, and production's refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from '../../config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

const production = {
  NODE_ENV: 'production',
  KANAL_PUBLIC_URL: 'https://kanal.example.dk',
  KANAL_SESSION_SECRET: 's'.repeat(40),
  KANAL_CITIZEN_OIDC_ISSUER: 'https://broker.example.dk',
  KANAL_CITIZEN_OIDC_CLIENT_SECRET: 'citizen-secret',
  KANAL_STAFF_OIDC_ISSUER: 'https://login.kommune.example.dk',
  KANAL_STAFF_OIDC_CLIENT_SECRET: 'staff-secret',
};

test('development defaults to the test identity provider for both logins', () => {
  const { auth } = loadConfig({ KANAL_SESSION_SECRET: 'd'.repeat(40) });
  assert.equal(auth.testIdp, true);
  assert.equal(auth.allowHttp, true);
  assert.equal(auth.personRegister, 'test');
  assert.equal(auth.citizen.issuer, 'http://localhost:3000/test-idp');
  assert.equal(auth.staff.issuer, 'http://localhost:3000/test-idp');
  assert.equal(auth.citizen.clientId, 'kanal-citizen');
  assert.equal(auth.staff.clientId, 'kanal-staff');
  // Derived from the session secret, so every node agrees and nothing needs configuring.
  assert.equal(auth.citizen.clientSecret, loadConfig({ KANAL_SESSION_SECRET: 'd'.repeat(40) }).auth.citizen.clientSecret);
  assert.notEqual(auth.citizen.clientSecret, auth.staff.clientSecret);
  assert.deepEqual(auth.session, { idleMinutesCitizen: 30, idleMinutesStaff: 480, maxHours: 12, warningMinutes: 5 });
});

test('the six departments, Social og Sundhed marked sensitive, and the role map', () => {
  const { auth } = loadConfig({});
  assert.deepEqual(
    auth.departments.map((d) => `${d.name}${d.sensitive ? ' (sensitive)' : ''}`),
    ['Borgerservice', 'Børn og Unge', 'Social og Sundhed (sensitive)', 'Miljø og Teknik', 'Kultur og Fritid', 'Administration'],
  );
  assert.equal(auth.staff.roleMap['kanal-dpo'], 'dpo');
  assert.equal(auth.citizen.claims.cpr, 'cpr');
});

test('departments, their sensitivity and the claim names are configurable', () => {
  const { auth } = loadConfig({
    KANAL_DEPARTMENTS: 'bs=Borgerservice;sundhed=Sundhed og Omsorg',
    KANAL_SENSITIVE_DEPARTMENTS: 'sundhed',
    KANAL_CITIZEN_OIDC_CLAIMS: 'cpr=dk:cpr,name=name,cvr=dk:cvr,organisation=org,loa=loa',
    KANAL_STAFF_ROLE_MAP: 'GG-Kanal-Sag=caseworker,GG-Kanal-DPO=dpo',
  });
  assert.deepEqual(auth.departments, [
    { id: 'bs', name: 'Borgerservice', sensitive: false },
    { id: 'sundhed', name: 'Sundhed og Omsorg', sensitive: true },
  ]);
  assert.equal(auth.citizen.claims.cpr, 'dk:cpr');
  assert.deepEqual(auth.staff.roleMap, { 'GG-Kanal-Sag': 'caseworker', 'GG-Kanal-DPO': 'dpo' });
});

test('mistakes in the identity settings are named one by one', () => {
  const problems = problemsOf({
    KANAL_STAFF_ROLE_MAP: 'kanal-boss=king',
    KANAL_SENSITIVE_DEPARTMENTS: 'psykiatri',
    KANAL_CITIZEN_OIDC_ISSUER: 'https://broker.example.dk',
  });
  assert.equal(problems.length, 3);
  assert.match(problems.join('\n'), /KANAL_STAFF_ROLE_MAP gives group "kanal-boss" the unknown role "king": expected one of frontdesk, caseworker, manager, admin, dpo\./);
  assert.match(problems.join('\n'), /KANAL_SENSITIVE_DEPARTMENTS names "psykiatri", which is not in KANAL_DEPARTMENTS\./);
  assert.match(problems.join('\n'), /KANAL_CITIZEN_OIDC_CLIENT_SECRET is missing/);
});

test('without the test provider, both issuers must be configured', () => {
  const problems = problemsOf({ KANAL_TEST_IDP: 'off' });
  assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['KANAL_CITIZEN_OIDC_ISSUER', 'KANAL_STAFF_OIDC_ISSUER']);
});

test('production uses the configured providers, with no test provider and no plain http', () => {
  const { auth } = loadConfig(production);
  assert.equal(auth.testIdp, false);
  assert.equal(auth.allowHttp, false);
  assert.equal(auth.personRegister, 'none');
  assert.equal(auth.citizen.issuer, 'https://broker.example.dk');
  assert.equal(auth.staff.clientSecret, 'staff-secret');
});

test('production refuses the test identity provider, plain-http providers and the test register', () => {
  const problems = problemsOf({ ...production, KANAL_TEST_IDP: 'on', KANAL_OIDC_ALLOW_HTTP: 'true', KANAL_STAFF_OIDC_ISSUER: 'http://login.kommune.example.dk', KANAL_PERSON_REGISTER: 'test' });
  const text = problems.join('\n');
  assert.match(text, /KANAL_TEST_IDP=on is not allowed in production: the test identity provider lets anyone log in as anyone/);
  assert.match(text, /KANAL_OIDC_ALLOW_HTTP=true is not allowed in production/);
  assert.match(text, /KANAL_STAFF_OIDC_ISSUER="http:\/\/login.kommune.example.dk" is not allowed in production/);
  assert.match(text, /KANAL_PERSON_REGISTER=test is not allowed in production/);
});

test('the kanal command refuses to start in production with the test identity provider on', () => {
  const main = fileURLToPath(new URL('../../main.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', main, 'serve'], {
    env: { PATH: process.env.PATH, ...production, KANAL_TEST_IDP: 'on', KANAL_DATA_DIR: '/nonexistent/never-created' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 78, result.stderr);
  assert.match(result.stderr, /KANAL_TEST_IDP=on is not allowed in production/);
});
