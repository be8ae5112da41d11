// Self-service in a real browser by logged-in citizens through the test IdP: the services
// only for citizens, completed end to end with the login's details prefilled and shown, not
// re-typed; receipt, PDF, case and contact checked; axe and 320 px on every page. (Open
// services by a citizen: selfservice-login-open.test.ts; businesses and associations:
// selfservice-association.test.ts — split so each file stays within the test timeout.)
import { test } from 'node:test';
import { anna, catalogue, completeAs, karl, useSelfServiceApp, type User } from './selfservice-helpers.ts';

useSelfServiceApp();

const byLogin: [string, User][] = [
  ['privat-tandlaege-til-barn', anna],
  ['soeg-hjaelpemidler', karl],
  ['fritagelse-for-digital-post', karl],
];
for (const [id, user] of byLogin) {
  test(`${id}: completed end to end by a logged-in ${user.kind} (${user.account}), prefill shown`, () => completeAs(catalogue.get(id)!, user));
}
