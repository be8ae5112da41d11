// Self-service in a real browser by logged-in citizens through the test IdP: the services
// only for citizens, completed end to end with the login's details prefilled and shown, not
// re-typed; receipt, PDF, case and contact checked; axe and 320 px on every page. (Open
// services by a citizen: selfservice-login-open.test.ts; businesses and associations:
// selfservice-association.test.ts — split so each file stays within the test timeout.)
import { anna, karl, testEachByLogin, useSelfServiceApp } from './selfservice-helpers.ts';

useSelfServiceApp();

testEachByLogin([
  ['privat-tandlaege-til-barn', anna],
  ['soeg-hjaelpemidler', karl],
  ['fritagelse-for-digital-post', karl],
]);
