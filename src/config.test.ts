import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadConfig, ConfigError, settings } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

test('defaults give a working development configuration', () => {
  const config = loadConfig({});
  assert.equal(config.nodeEnv, 'development');
  assert.equal(config.port, 3000);
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.dataDir, './data');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.municipality.name, 'Albertslund Kommune');
  assert.equal(config.sessionSecretGenerated, true);
  assert.ok(config.sessionSecret.length >= 32);
});

test('values are converted from strings', () => {
  const config = loadConfig({ PORT: '8080', KANAL_TRUST_PROXY: 'true', KANAL_DB_POOL_SIZE: '4', KANAL_PUBLIC_URL: 'https://kanal.example.dk/' });
  assert.equal(config.port, 8080);
  assert.equal(config.trustProxy, true);
  assert.equal(config.dbPoolSize, 4);
  assert.equal(config.publicUrl, 'https://kanal.example.dk');
});

const badValues: [string, string, RegExp][] = [
  ['PORT', 'abc', /^PORT="abc" is not valid: expected a whole number from 1 to 65535\.$/],
  ['PORT', '70000', /^PORT="70000" is not valid/],
  ['NODE_ENV', 'staging', /^NODE_ENV="staging" is not valid: expected development, production or test\.$/],
  ['KANAL_PUBLIC_URL', 'kanal.example.dk', /^KANAL_PUBLIC_URL="kanal.example.dk" is not valid: expected an absolute http\(s\) URL/],
  ['DATABASE_URL', 'mysql://x/y', /^DATABASE_URL="mysql:\/\/x\/y" is not valid: expected a PostgreSQL URL/],
  ['KANAL_DB_POOL_SIZE', '0', /^KANAL_DB_POOL_SIZE="0" is not valid/],
  ['KANAL_TRUST_PROXY', 'maybe', /^KANAL_TRUST_PROXY="maybe" is not valid: expected true or false\.$/],
  ['KANAL_LOG_LEVEL', 'loud', /^KANAL_LOG_LEVEL="loud" is not valid/],
  ['KANAL_CONTACT_EMAIL', 'nobody', /^KANAL_CONTACT_EMAIL="nobody" is not valid: expected an e-mail address\.$/],
  ['KANAL_ACCESSIBILITY_STATEMENT_URL', 'was', /^KANAL_ACCESSIBILITY_STATEMENT_URL="was" is not valid/],
];

for (const [name, value, expected] of badValues) {
  test(`a bad ${name} gives one clear line naming it`, () => {
    const problems = problemsOf({ [name]: value });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, expected);
  });
}

test('a short session secret is refused without echoing it', () => {
  const problems = problemsOf({ KANAL_SESSION_SECRET: 'hunter2' });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^KANAL_SESSION_SECRET=\(hidden\) is not valid: expected at least 32 characters/);
  assert.ok(!problems[0]!.includes('hunter2'));
});

test('several bad values are all reported at once', () => {
  assert.equal(problemsOf({ PORT: 'x', NODE_ENV: 'y' }).length, 2);
});

/** The identity providers production needs (the test provider is refused there). */
const productionLogins = {
  KANAL_CITIZEN_OIDC_ISSUER: 'https://broker.example.dk',
  KANAL_CITIZEN_OIDC_CLIENT_SECRET: 'citizen-secret',
  KANAL_STAFF_OIDC_ISSUER: 'https://login.kommune.example.dk',
  KANAL_STAFF_OIDC_CLIENT_SECRET: 'staff-secret',
};

test('production refuses plain http and a missing session secret', () => {
  const problems = problemsOf({ NODE_ENV: 'production', ...productionLogins });
  assert.equal(problems.length, 2);
  assert.match(problems.join('\n'), /KANAL_PUBLIC_URL="http:\/\/localhost:3000" is not allowed in production: expected an https:\/\/ URL/);
  assert.match(problems.join('\n'), /KANAL_SESSION_SECRET is missing/);
});

test('production accepts https and a secret', () => {
  const config = loadConfig({ NODE_ENV: 'production', KANAL_PUBLIC_URL: 'https://kanal.example.dk', KANAL_SESSION_SECRET: 'x'.repeat(40), ...productionLogins });
  assert.equal(config.sessionSecretGenerated, false);
});

test('README documents every setting', () => {
  const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const setting of settings) assert.ok(readme.includes(`\`${setting.env}\``), `README.md does not document ${setting.env}`);
});
