// topicForKle reads the active topics through the config cache (kept in memory on PostgreSQL):
// a change made on any app node must count everywhere, and at once on the node that made it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, migrateToLatest } from '../../platform/db/testing.ts';
import { configCacheOf, openDatabase, type Db } from '../../platform/db/index.ts';
import { migrations } from './migrations.ts';
import { changeTopic, topicForKle, type TopicDraft } from './topics.ts';

const rats = (active: boolean): TopicDraft => ({ code: 'rotter', name: 'Rotter', kle: '09.15.00', department: 'miljoe-teknik', handledBy: '', frequent: true, active });
const change = (db: Db, draft: TopicDraft) => db.transaction().execute((trx) => changeTopic(trx, draft, ['miljoe-teknik']));

test('a topic retired on another app node stops counting here once the change is announced; on this node at once', async () => {
  const database = await createTestDatabase();
  const other = openDatabase({ ...database.options, poolSize: 2 });
  try {
    const { db } = database;
    await migrateToLatest(db, migrations);
    // On PostgreSQL, listening first, so that this read is kept.
    await configCacheOf(db)?.listen();
    assert.equal(await topicForKle(db, '09.15', 'miljoe-teknik'), 'rotter');

    await change(other.db, rats(false));
    const deadline = Date.now() + 5000;
    while ((await topicForKle(db, '09.15', 'miljoe-teknik')) !== 'andet') {
      assert.ok(Date.now() < deadline, 'the other node’s change was never seen');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    await change(db, rats(true));
    assert.equal(await topicForKle(db, '09.15', 'miljoe-teknik'), 'rotter');
  } finally {
    await other.close();
    await database.close();
  }
});
