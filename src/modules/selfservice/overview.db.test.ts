// "Mit overblik" lists a citizen's drafts from the catalogue the self-service module runs
// with (here one given to the module, not the folder on disk), with a link to resume them.
// Over real HTTP with the real modules and the test IdP; SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { catalogueOf, loadCatalogue } from './definitions.ts';
import { createSelfServiceModule } from './index.ts';
import { livePorts } from './live-ports.ts';
import { appModulesWith } from './testing.ts';

// A service that is not in the shipped folder: only the module's own catalogue knows it.
const rats = loadCatalogue().get('anmeld-rotter')!;
const own = { ...rats, id: 'rotter-i-testkataloget', title: { da: 'Rotter i testkataloget', en: 'Rats in the test catalogue' } };

let t: ListeningTestApp;
before(async () => {
  t = await startListeningTestApp({ modules: appModulesWith(createSelfServiceModule({ ports: livePorts, catalogue: catalogueOf([own]) })) });
});
after(() => t.close());

test('a draft of a service in the module\'s catalogue is on Mit overblik, with a link that resumes it', async () => {
  const citizen = new HttpClient(t.baseUrl);
  await logInAs(citizen, 'citizen', 'borger-anna-soerensen');
  assert.doesNotMatch((await citizen.get('/mit-overblik')).body, /Rotter i testkataloget/);
  const page = await citizen.get(`/selvbetjening/${own.id}`);
  assert.equal(page.status, 200);
  const started = await citizen.send('POST', `/selvbetjening/${own.id}/start`, { form: { _csrf: hiddenField(page.body, '_csrf') } });
  assert.equal(started.status, 303);
  const first = started.headers.get('location')!;

  const overview = (await citizen.get('/mit-overblik')).body;
  const link = new RegExp(`<a[^>]*href="${first}"[^>]*>Rotter i testkataloget</a>`);
  assert.match(overview, link);
  assert.equal((await citizen.get(first)).status, 200);
});
