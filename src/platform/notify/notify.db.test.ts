// Notifications: queued in the caller's transaction, delivered by the worker to the
// local outbox or to a real SMTP server started here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { loadConfig, type Config } from '../../config.ts';
import { startTestApp, captureLogs, type TestApp } from '../../../test/helpers/app.ts';
import { KanalError } from '../http/index.ts';
import { Worker, type AnyJobHandler } from '../jobs/index.ts';
import type { JobTables } from '../jobs/schema.ts';
import { send } from './index.ts';
import { deliveryJob } from './service.ts';
import { findMessage } from './store.ts';

let t: TestApp;
const { logger } = captureLogs('error');

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const db = () => t.database.db;
const jobs = () => db().withTables<JobTables>();

async function deliver(handler: AnyJobHandler, until: () => Promise<boolean>): Promise<void> {
  const worker = new Worker({ db: db(), dialect: t.database.dialect, log: logger, handlers: [handler], pollMs: 20 });
  await worker.start();
  try {
    const deadline = Date.now() + 15_000;
    while (!(await until())) {
      if (Date.now() > deadline) throw new Error('timed out waiting for delivery');
      await sleep(20);
    }
  } finally {
    await worker.stop();
  }
}

test('a notification sent in a transaction that rolls back leaves no message and no job', async () => {
  let messageId = 0;
  await assert.rejects(
    db().transaction().execute(async (trx) => {
      ({ messageId } = await send(trx, { channel: 'email', to: 'borger@example.dk', template: 'news', lang: 'da' }));
      throw new Error('the case could not be saved');
    }),
    /could not be saved/,
  );
  assert.equal(await findMessage(db(), messageId), undefined);
  const queued = await jobs().selectFrom('jobs').select('id').where('key', '=', `notify:${messageId}`).execute();
  assert.deepEqual(queued, []);
});

test('bad recipients are refused with a clear message; mobile numbers are normalised', async () => {
  await db().transaction().execute(async (trx) => {
    await assert.rejects(send(trx, { channel: 'email', to: 'not an address', template: 'news', lang: 'da' }), (error: unknown) => {
      assert.ok(error instanceof KanalError);
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.details, [{ field: 'to', message: 'The e-mail address is not valid.' }]);
      return true;
    });
    await assert.rejects(send(trx, { channel: 'sms', to: '1234', template: 'news', lang: 'da' }), /validation|not valid/);
    const { messageId } = await send(trx, { channel: 'sms', to: '20 30 40 50', template: 'news', lang: 'da' });
    assert.equal((await findMessage(trx, messageId))?.recipient, '+4520304050');
  });
});

test('the same key twice sends one message', async () => {
  const [a, b] = await db().transaction().execute(async (trx) => [
    await send(trx, { channel: 'email', to: 'a@example.dk', template: 'news', lang: 'da', key: 'decision:17' }),
    await send(trx, { channel: 'email', to: 'a@example.dk', template: 'news', lang: 'da', key: 'decision:17' }),
  ]);
  assert.equal(a.created, true);
  assert.equal(b.created, false);
  assert.equal(b.messageId, a.messageId);
});

test('without a mail server, the worker delivers to the local outbox, which administrators can read', async () => {
  const { messageId } = await db().transaction().execute((trx) => send(trx, { channel: 'email', to: 'outbox@example.dk', template: 'received', lang: 'da' }));
  const { messageId: smsId } = await db().transaction().execute((trx) => send(trx, { channel: 'sms', to: '+45 20304050', template: 'news', lang: 'en' }));
  await deliver(deliveryJob({ config: t.config, db: db() }), async () => (await findMessage(db(), smsId))?.state === 'sent' && (await findMessage(db(), messageId))?.state === 'sent');
  const message = await findMessage(db(), messageId);
  assert.equal(message?.transport, 'outbox');
  assert.equal(message?.subject, 'Vi har fået din henvendelse');
  assert.match(message.body!, /Albertslund Kommune har fået din henvendelse\.\nLog ind for at se den og følge med:\nhttp:\/\/localhost:3000\//);

  const page = await t.app.inject({ method: 'GET', url: '/admin/notifications' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Udbakke<\/h1>/);
  assert.match(page.body, /Der er ikke sat en mailserver op/);
  assert.match(page.body, /outbox@example\.dk/);
  assert.match(page.body, /<strong>Vi har fået din henvendelse<\/strong>/);
  assert.match(page.body, /\+4520304050/);
  assert.match(page.body, /You have a new message from Albertslund Kommune\. Log in to read it/);
  assert.match(page.body, /Sendt \(kun udbakke\)/);
});

interface Received {
  envelope: { from: string; to: string[] };
  user: string | undefined;
  mail: ParsedMail;
}

/** A real SMTP server on a free local port; `rejectTo` answers 550 for that recipient. */
async function startSmtp(rejectTo?: string): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'kanal' && auth.password === 'hemmelig') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === rejectTo) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            envelope: { from: (session.envelope.mailFrom as { address: string }).address, to: session.envelope.rcptTo.map((r) => r.address) },
            user: session.user as string | undefined,
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function smtpConfig(port: number): Config {
  return loadConfig({
    NODE_ENV: 'test',
    KANAL_PUBLIC_URL: 'https://selvbetjening.albertslund.dk',
    KANAL_SMTP_HOST: '127.0.0.1',
    KANAL_SMTP_PORT: String(port),
    KANAL_SMTP_USER: 'kanal',
    KANAL_SMTP_PASSWORD: 'hemmelig',
  });
}

test('e-mail is delivered to a real SMTP server with the expected headers and body', async () => {
  const smtp = await startSmtp();
  try {
    const config = smtpConfig(smtp.port);
    const { messageId } = await db().transaction().execute((trx) => send(trx, { channel: 'email', to: 'borger@example.dk', template: 'received', lang: 'da' }));
    await deliver(deliveryJob({ config, db: db() }), async () => (await findMessage(db(), messageId))?.state === 'sent');

    assert.equal(smtp.received.length, 1);
    const [{ envelope, user, mail }] = smtp.received as [Received];
    assert.equal(user, 'kanal', 'logged in with the configured user');
    assert.deepEqual(envelope, { from: 'noreply@selvbetjening.albertslund.dk', to: ['borger@example.dk'] });
    assert.equal(mail.from?.text, '"Albertslund Kommune" <noreply@selvbetjening.albertslund.dk>');
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : undefined, 'borger@example.dk');
    assert.equal(mail.subject, 'Vi har fået din henvendelse');
    assert.equal(mail.messageId, `<notify-${messageId}@selvbetjening.albertslund.dk>`);
    assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
    assert.equal(mail.headers.get('content-language'), 'da');
    assert.equal(
      mail.text,
      [
        'Hej',
        '',
        'Albertslund Kommune har fået din henvendelse.',
        'Log ind for at se den og følge med:',
        'https://selvbetjening.albertslund.dk/',
        '',
        'Du kan ikke svare på denne e-mail.',
        '',
        'Venlig hilsen',
        'Albertslund Kommune',
        '',
      ].join('\n'),
    );
    assert.equal(mail.html, false, 'plain text only');
    const message = await findMessage(db(), messageId);
    assert.equal(message?.transport, 'smtp');
    assert.equal(message?.provider_id, `<notify-${messageId}@selvbetjening.albertslund.dk>`);
  } finally {
    await smtp.close();
  }
});

test('a refused e-mail fails the attempt, keeps the reason and is retried later', async () => {
  const smtp = await startSmtp('gone@example.dk');
  try {
    const config = smtpConfig(smtp.port);
    const { messageId } = await db().transaction().execute((trx) => send(trx, { channel: 'email', to: 'gone@example.dk', template: 'news', lang: 'en' }));
    await deliver(deliveryJob({ config, db: db() }), async () => Boolean((await findMessage(db(), messageId))?.last_error));
    const message = await findMessage(db(), messageId);
    assert.equal(message?.state, 'pending');
    assert.match(message.last_error!, /550/);
    const job = await jobs().selectFrom('jobs').selectAll().where('key', '=', `notify:${messageId}`).executeTakeFirstOrThrow();
    assert.equal(job.state, 'failed');
    assert.ok(Date.parse(job.run_at) > Date.now() + 10_000, 'the retry waits (backoff from 30 s)');
    assert.equal(smtp.received.length, 0);
  } finally {
    await smtp.close();
  }
});
