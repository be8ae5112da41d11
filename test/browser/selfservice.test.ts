// Self-service in a real browser, with the real modules: every anonymous catalogue service
// completed end to end (receipt, PDF, the case in the cases module, the contact in the
// contacts registry); axe and 320 px on every page visited. Without JavaScript and by
// keyboard: selfservice-keyboard.test.ts; logged-in users: selfservice-login*.test.ts and
// selfservice-association.test.ts; drafts and exits: selfservice-drafts.test.ts.
import { test } from 'node:test';
import { catalogue, completeAs, useSelfServiceApp } from './selfservice-helpers.ts';

useSelfServiceApp();

for (const def of catalogue.all.filter((d) => d.audience.includes('anonymous'))) {
  test(`${def.id}: completed end to end in the browser without logging in`, () => completeAs(def, undefined));
}
