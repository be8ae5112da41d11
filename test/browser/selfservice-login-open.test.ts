// Self-service in a real browser: services open to everyone, completed end to end by a
// citizen who logged in first through the test IdP, the login's details prefilled and shown,
// not re-typed; receipt, PDF, case (with the citizen as party) and contact checked; axe and
// 320 px on every page.
import { anna, karl, testEachByLogin, useSelfServiceApp } from './selfservice-helpers.ts';

useSelfServiceApp();

testEachByLogin([
  ['it-kursus', anna],
  ['henvendelse-eller-klage', anna],
  ['skal-jeg-soege-byggetilladelse', karl],
]);
