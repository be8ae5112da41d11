// Self-service in a real browser, with the real modules: the second half of the anonymous
// catalogue services (the first: selfservice.test.ts) completed end to end:
// receipt, PDF, the case in the cases module, the contact in the contacts registry; axe and
// 320 px on every page visited. Without JavaScript and by keyboard: selfservice-keyboard;
// logged-in users: selfservice-login*, selfservice-association; drafts and exits: selfservice-drafts.
import { test } from 'node:test';
import { anonymousHalves, completeAs, useSelfServiceApp } from './selfservice-helpers.ts';

useSelfServiceApp();

for (const def of anonymousHalves[1]) {
  test(`${def.id}: completed end to end in the browser without logging in`, () => completeAs(def, undefined));
}
