// No CPR number in any log line: the logs of full logins, lookups, an audit search
// by CPR, a failed login and logouts are captured at the most verbose level and read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, chooseTestAccount, hiddenField, logInAs, startListeningTestApp } from '../../../test/helpers/http-client.ts';
import { testPeople } from './register/test-register.ts';

test('a day\'s work through the identity layer writes no CPR number to the log', async () => {
  const t = await startListeningTestApp({ env: { KANAL_LOG_LEVEL: 'trace', KANAL_SESSION_SECRET: 'logs-test-secret-of-at-least-32-characters' } });
  try {
    const citizen = new HttpClient(t.baseUrl);
    const mine = await logInAs(citizen, 'citizen', 'borger-anna-soerensen');
    assert.match(mine.body, /Hyldespjældet 31/);
    await citizen.post('/log-af', { _csrf: hiddenField(mine.body, '_csrf') });

    const forged = new HttpClient(t.baseUrl);
    const atCallback = await chooseTestAccount(forged, await forged.get('/auth/login/citizen'), 'citizen', 'borger-mette-larsen', { stopAt: (url) => url.pathname.startsWith('/auth/callback/') });
    const url = new URL(atCallback.url);
    url.searchParams.set('state', 'forged');
    assert.equal((await forged.get(url.href)).status, 400);

    const dpo = new HttpClient(t.baseUrl);
    await logInAs(dpo, 'staff', 'medarbejder-administration-dpo');
    const token = hiddenField((await dpo.get('/medarbejder/adgangslog')).body, '_csrf');
    const found = await dpo.post('/medarbejder/adgangslog', { _csrf: token, person: '1203881234', formaal: 'Indsigt' });
    assert.match(found.body, /120388-1234/);
    await dpo.send('POST', '/medarbejder/adgangslog/csv', { form: { _csrf: token, person: '1203881234', formaal: 'Indsigt' } });
    await dpo.post('/medarbejder/adgangslog', { _csrf: token, person: '12038', formaal: 'Indsigt' });

    const text = t.logs.map((line) => JSON.stringify(line)).join('\n');
    assert.ok(t.logs.length > 50, 'the flow was logged');
    assert.ok(t.logs.some((l) => l.msg === 'logged in') && t.logs.some((l) => l.msg === 'login failed'));
    for (const person of testPeople) {
      assert.ok(!text.includes(person.cpr), `${person.name}'s CPR number is in the log`);
      assert.ok(!text.includes(`${person.cpr.slice(0, 6)}-${person.cpr.slice(6)}`), `${person.name}'s CPR number is in the log`);
    }
    // The logger masks anything CPR-shaped as a last safety net; nothing should even have needed it.
    // (The lines themselves in the failure, to tell a CPR number from a chance match.)
    assert.deepEqual(t.logs.filter((line) => JSON.stringify(line).includes('[cpr]')), [], 'something CPR-shaped reached the logger');
  } finally {
    await t.close();
  }
});
