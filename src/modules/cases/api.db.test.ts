import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp } from '../../../test/helpers/app.ts';
import { createApiKey } from './apikeys.ts';
import { makeCase } from './testing.ts';

test('JSON API: keys scoped to departments; read, change status, add a note, confirm hand-off', async () => {
  const testApp = await startTestApp();
  const { app, database } = testApp;
  try {
    const { db } = database;
    const { key } = await db.transaction().execute((trx) => createApiKey(trx, { name: 'ESDH', departments: ['miljoe-teknik'], createdBy: 'admin' }));
    const { key: otherKey } = await db.transaction().execute((trx) => createApiKey(trx, { name: 'Andet', departments: ['kultur-fritid'], createdBy: 'admin' }));
    const ours = await makeCase(db);
    const theirs = await makeCase(db, { department: 'kultur-fritid' });
    const call = (method: 'GET' | 'POST', url: string, body?: object, bearer = key) =>
      app.inject({ method, url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {}, ...(body ? { payload: body } : {}) });

    const anonymous = await call('GET', `/api/cases/${ours.reference}`, undefined, '');
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, 'unauthenticated');
    assert.equal((await call('GET', `/api/cases/${ours.reference}`, undefined, 'kanal_AAAAAAAA_' + 'x'.repeat(32))).statusCode, 401);

    const read = await call('GET', `/api/cases/${ours.reference}`);
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().case.reference, ours.reference);
    assert.equal(read.json().case.party.cpr, '0101901234');
    assert.deepEqual(read.json().timeline.map((e: { kind: string }) => e.kind), ['submitted']);
    // Another department's case does not exist for this key, nor for the other key ours.
    assert.equal((await call('GET', `/api/cases/${theirs.reference}`)).statusCode, 404);
    assert.equal((await call('GET', `/api/cases/${ours.reference}`, undefined, otherKey)).statusCode, 404);
    assert.equal((await call('GET', '/api/cases?department=kultur-fritid')).statusCode, 404);

    const listed = await call('GET', '/api/cases?department=miljoe-teknik');
    assert.deepEqual(listed.json().cases.map((c: { reference: string }) => c.reference), [ours.reference]);

    const started = await call('POST', `/api/cases/${ours.reference}/status`, { to: 'in_progress' });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(started.json().case.status, 'in_progress');
    const illegal = await call('POST', `/api/cases/${ours.reference}/status`, { to: 'decided' });
    assert.equal(illegal.statusCode, 409);
    assert.match(illegal.json().error.message, /only by sending a decision/);
    const bad = await call('POST', `/api/cases/${ours.reference}/status`, { to: 'sent-to-the-moon' });
    assert.equal(bad.statusCode, 400);

    const note = await call('POST', `/api/cases/${ours.reference}/timeline`, { kind: 'note', text: 'Journaliseret i ESDH' });
    assert.equal(note.statusCode, 201);
    assert.equal((await call('POST', `/api/cases/${ours.reference}/handoff`, { esdhReference: 'SAG-1' })).statusCode, 409, 'not closed yet');
    const closed = await call('POST', `/api/cases/${ours.reference}/status`, { to: 'closed', reason: 'Overført' });
    assert.equal(closed.json().case.status, 'closed');
    const handoff = await call('POST', `/api/cases/${ours.reference}/handoff`, { esdhReference: 'SAG-1' });
    assert.equal(handoff.statusCode, 200);
    assert.notEqual(handoff.json().case.handoffConfirmedAt, null);
    const after = (await call('GET', `/api/cases/${ours.reference}`)).json();
    assert.deepEqual(
      after.timeline.map((e: { kind: string; actor: { kind: string; name: string } }) => `${e.kind}:${e.actor.kind}`),
      ['submitted:citizen', 'status_changed:api', 'note:api', 'status_changed:api', 'handoff_confirmed:api'],
    );

    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.ok(spec.paths['/api/cases/{reference}/status'], 'the API is in the OpenAPI document');
  } finally {
    await testApp.close();
  }
});
