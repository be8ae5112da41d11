// Files through the API over real HTTP with the real modules: multipart/form-data with the
// answers as a JSON part and file parts by field id. An accepted file reaches the submission
// and the case; a file of the wrong type (by content, whatever its name says) and a file over
// the field's limit are 400s that name the field and store nothing; a retry with the same
// Idempotency-Key gives the first submission back and stores no second copy. The route takes
// no CSRF token, so a citizen's session cookie on it (a plain form can post multipart) is
// ignored: the submission is anonymous. SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HttpClient, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { getCase } from '../cases/index.ts';
import { selfServiceOf, type SelfService } from './index.ts';
import { complaintAnswers, PDF, PNG } from './testing.ts';

let t: ListeningTestApp;
let service: SelfService;
before(async () => {
  t = await startListeningTestApp();
  service = selfServiceOf(t.app)!;
});
after(() => t.close());

const answers = complaintAnswers;

function submit(key: string, files: { name: string; bytes: Buffer; type?: string }[], field = 'bilag', cookie?: string): Promise<Response> {
  const form = new FormData();
  form.append('answers', JSON.stringify(answers));
  for (const f of files) form.append(field, new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
  return fetch(`${t.baseUrl}/api/services/henvendelse-eller-klage/submissions`, { method: 'POST', headers: { 'idempotency-key': key, ...(cookie && { cookie }) }, body: form });
}

const attachments = async () => Number((await sql<{ n: number | string }>`select count(*) as n from selfservice_attachment`.execute(t.database.db)).rows[0]?.n);
const submissions = async () => Number((await sql<{ n: number | string }>`select count(*) as n from selfservice_submission`.execute(t.database.db)).rows[0]?.n);

test('an accepted file reaches the submission and its case; a retry with the same key stores nothing twice', async () => {
  const first = await submit('api-files-0001', [{ name: 'hul.png', bytes: PNG }, { name: 'brev.pdf', bytes: PDF }]);
  assert.equal(first.status, 201, await first.clone().text());
  const receipt = (await first.json()) as { reference: string; caseReference: string; replayed: boolean };
  assert.equal(receipt.replayed, false);
  const submission = await service.submission(receipt.reference);
  const files = submission!.answers.bilag as { id: string; name: string; type: string; size: number }[];
  assert.deepEqual(files.map((f) => [f.name, f.type, f.size]), [['hul.png', 'image/png', PNG.length], ['brev.pdf', 'application/pdf', PDF.length]]);
  const stored = await service.attachment(files[0]!.id);
  assert.equal(stored?.submission_reference, receipt.reference);
  assert.deepEqual(await service.readFile(stored.storage_key), PNG);
  const created = await getCase(t.database.db, receipt.caseReference);
  assert.equal(created?.service, 'henvendelse-eller-klage');
  assert.deepEqual(created?.submission.sections[0]?.answers.find((a) => a.label === 'Bilag')?.value.split(', '), ['hul.png', 'brev.pdf']);

  const before = { attachments: await attachments(), submissions: await submissions() };
  const retry = await submit('api-files-0001', [{ name: 'hul.png', bytes: PNG }, { name: 'brev.pdf', bytes: PDF }]);
  assert.equal(retry.status, 200);
  const again = (await retry.json()) as { reference: string; replayed: boolean };
  assert.deepEqual([again.reference, again.replayed], [receipt.reference, true]);
  assert.deepEqual({ attachments: await attachments(), submissions: await submissions() }, before, 'no second submission, no second copy of the files');
});

test('a file whose content is not an image or PDF is refused by content, whatever its name and type say', async () => {
  const before = { attachments: await attachments(), submissions: await submissions() };
  const response = await submit('api-files-0002', [{ name: 'billede.png', bytes: Buffer.from('MZ\x90\x00 not a picture at all'), type: 'image/png' }]);
  assert.equal(response.status, 400);
  const body = (await response.json()) as { error: { code: string; fields?: { field: string; message: string }[] } } & Record<string, unknown>;
  const text = JSON.stringify(body);
  assert.match(text, /"field":"bilag"/);
  assert.match(text, /billede\.png/);
  assert.deepEqual({ attachments: await attachments(), submissions: await submissions() }, before, 'nothing stored');
  // The key was not used up by the refused request.
  assert.equal((await submit('api-files-0002', [{ name: 'billede.png', bytes: PNG }])).status, 201);
});

test('a file over the field\'s size limit is refused and nothing is stored', async () => {
  const before = { attachments: await attachments(), submissions: await submissions() };
  // bilag allows 10 MB; a PNG header and 11 MB of padding.
  const big = Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]);
  const response = await submit('api-files-0003', [{ name: 'stor.png', bytes: big }]);
  assert.equal(response.status, 400);
  const text = await response.text();
  assert.match(text, /"field":"bilag"/);
  assert.match(text, /stor\.png/);
  assert.match(text, /10 MB/);
  assert.deepEqual({ attachments: await attachments(), submissions: await submissions() }, before);
});

test("multipart with a citizen's session cookie and no CSRF token: the submission is not in her name", async () => {
  const browser = new HttpClient(t.baseUrl);
  await logInAs(browser, 'citizen', 'borger-mette-larsen');
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const r = await submit('api-session-0001', [], 'bilag', cookie);
  assert.equal(r.status, 201, await r.clone().text());
  const created = await getCase(t.database.db, ((await r.json()) as { caseReference: string }).caseReference);
  assert.ok(created);
  assert.doesNotMatch(JSON.stringify(created), /0909833142|Mette|Larsen/, 'no party, name or CPR from the session');
});

test('file parts by a field that is not a file field, and files inside the JSON, are refused', async () => {
  const wrongField = await submit('api-files-0004', [{ name: 'a.png', bytes: PNG }], 'emne');
  assert.equal(wrongField.status, 400);
  assert.match(await wrongField.text(), /"field":"emne"/);
  const inJson = await fetch(`${t.baseUrl}/api/services/henvendelse-eller-klage/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'api-files-0005' },
    body: JSON.stringify({ answers: { ...answers, bilag: 'aGVq' } }),
  });
  assert.equal(inJson.status, 400);
  assert.match(await inJson.text(), /multipart\/form-data/);
});

test('the OpenAPI document describes both request bodies', async () => {
  const doc = (await (await fetch(`${t.baseUrl}/openapi.json`)).json()) as { paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }> };
  const content = doc.paths['/api/services/{id}/submissions']?.post?.requestBody?.content ?? {};
  assert.deepEqual(Object.keys(content).sort(), ['application/json', 'multipart/form-data']);
});
