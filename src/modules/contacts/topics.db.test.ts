// topicForKle reads the active topics through the config cache (kept in memory on PostgreSQL):
// a change made on any app node must count everywhere, and at once on the node that made it;
// a contact recorded in the moment before this node hears of a change still finds its topic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, migrateToLatest } from '../../platform/db/testing.ts';
import { sql } from 'kysely';
import { configCacheOf, openDatabase, type Db } from '../../platform/db/index.ts';
import { migrations } from './migrations.ts';
import { recordForKle } from './registry.ts';
import { changeTopic, topicForKle, type TopicDraft } from './topics.ts';

const rats = (active: boolean): TopicDraft => ({ code: 'rotter', name: 'Rotter', kle: '09.15.00', department: 'miljoe-teknik', handledBy: '', frequent: true, active });
const change = (db: Db, draft: TopicDraft) => db.transaction().execute((trx) => changeTopic(trx, draft, ['miljoe-teknik']));

const ratsTopic = (db: Db) => topicForKle(db, '09.15', 'miljoe-teknik');

/**
 * Two app nodes on a fresh database: `db` listens (on PostgreSQL) and has read the topic of
 * rats once, so it keeps the topic list; `other` is the second node.
 */
async function onTwoNodes(run: (nodes: { db: Db; other: Db; postgres: boolean }) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  const other = openDatabase({ ...database.options, poolSize: 2 });
  try {
    await migrateToLatest(database.db, migrations);
    await configCacheOf(database.db)?.listen();
    assert.equal(await ratsTopic(database.db), 'rotter');
    await run({ db: database.db, other: other.db, postgres: database.options.databaseUrl !== undefined });
  } finally {
    await other.close();
    await database.close();
  }
}

test('a topic retired on another app node stops counting here once the change is announced; on this node at once', () =>
  onTwoNodes(async ({ db, other }) => {
    await change(other, rats(false));
    const deadline = Date.now() + 5000;
    while ((await ratsTopic(db)) !== 'andet') {
      assert.ok(Date.now() < deadline, 'the other node’s change was never seen');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    await change(db, rats(true));
    assert.equal(await ratsTopic(db), 'rotter');
  }));

test('recordForKle: a topic retired on another node before this node has heard of it is read again, and the contact is recorded', () =>
  onTwoNodes(async ({ db, other, postgres }) => {
    // Retired on the other node with its triggers off: no notification comes, so on PostgreSQL
    // this node keeps the old topic list (the moment before a notification, made to last).
    await other.transaction().execute(async (trx) => {
      if (postgres) await sql`set local session_replication_role = replica`.execute(trx);
      await changeTopic(trx, rats(false), ['miljoe-teknik']);
    });
    if (postgres) assert.equal(await ratsTopic(db), 'rotter', 'the kept copy is out of date');

    const { id } = await db.transaction().execute((trx) => recordForKle(trx, { channel: 'self_service', kind: 'transaction', kle: '09.15', department: 'miljoe-teknik' }));
    const { rows } = await sql<{ topic: string }>`select topic from contact where id = ${id}`.execute(db);
    assert.equal(rows[0]?.topic, 'andet');
    assert.equal(await ratsTopic(db), 'andet', 'and the kept copy was dropped');
  }));
