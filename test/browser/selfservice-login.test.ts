// Self-service in a real browser by logged-in users through the test IdP: every service
// that takes a login completed end to end by the kind of user it is for (citizen, business
// with CVR, a citizen for an association), with the login's details prefilled and shown,
// not re-typed; receipt, PDF, case and contact checked; axe and 320 px on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planAnswers } from '../../src/modules/selfservice/testing.ts';
import { anna, catalogue, completeAs, cykler, karl, useSelfServiceApp, type User } from './selfservice-helpers.ts';

useSelfServiceApp();

// Every service that takes a login, by the kind of user it is for.
const byLogin: [string, User][] = [
  ['privat-tandlaege-til-barn', anna],
  ['soeg-hjaelpemidler', karl],
  ['fritagelse-for-digital-post', karl],
  ['it-kursus', anna],
  ['henvendelse-eller-klage', anna],
  ['skal-jeg-soege-byggetilladelse', anna],
  ['tilskud-til-forening', cykler],
];
for (const [id, user] of byLogin) {
  test(`${id}: completed end to end by a logged-in ${user.kind} (${user.account}), prefill shown`, () => completeAs(catalogue.get(id)!, user));
}

test('tilskud-til-forening: a citizen applies for an association without CVR', async () => {
  const def = catalogue.get('tilskud-til-forening')!;
  const [first, ...rest] = planAnswers(def);
  assert.equal(first!.stepId, 'forening');
  const forening = new FormData();
  for (const [k, v] of Object.entries({ form: 'uden-cvr', foreningsnavn: 'Strikkeklubben Hyldespjældet', rolle: 'Formand', 'hjemme-i-kommunen': 'yes' })) forening.append(k, v);
  await completeAs(def, anna, [{ stepId: 'forening', form: forening }, ...rest]);
});

