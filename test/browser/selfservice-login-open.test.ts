// Self-service in a real browser: services open to everyone, completed end to end by a
// citizen who logged in first through the test IdP, the login's details prefilled and shown,
// not re-typed; receipt, PDF, case (with the citizen as party) and contact checked; axe and
// 320 px on every page.
import { test } from 'node:test';
import { anna, catalogue, completeAs, karl, useSelfServiceApp, type User } from './selfservice-helpers.ts';

useSelfServiceApp();

const byLogin: [string, User][] = [
  ['it-kursus', anna],
  ['henvendelse-eller-klage', anna],
  ['skal-jeg-soege-byggetilladelse', karl],
];
for (const [id, user] of byLogin) {
  test(`${id}: completed end to end by a logged-in ${user.kind} (${user.account}), prefill shown`, () => completeAs(catalogue.get(id)!, user));
}
