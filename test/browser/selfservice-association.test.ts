// Grants for associations in a real browser: a business logged in with MitID Erhverv (its CVR
// number and name prefilled, not re-typed) and a citizen applying for an association without
// CVR; receipt, PDF, case (business or person as party) and contact checked; axe and 320 px
// on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planAnswers } from '../../src/modules/selfservice/testing.ts';
import { anna, catalogue, completeAs, cykler, useSelfServiceApp } from './selfservice-helpers.ts';

useSelfServiceApp();

const def = catalogue.get('tilskud-til-forening')!;

test('tilskud-til-forening: completed by a business with CVR, prefill shown', () => completeAs(def, cykler));

test('tilskud-til-forening: a citizen applies for an association without CVR', async () => {
  const [first, ...rest] = planAnswers(def);
  assert.equal(first!.stepId, 'forening');
  const forening = new FormData();
  for (const [k, v] of Object.entries({ form: 'uden-cvr', foreningsnavn: 'Strikkeklubben Hyldespjældet', rolle: 'Formand', 'hjemme-i-kommunen': 'yes' })) forening.append(k, v);
  await completeAs(def, anna, [{ stepId: 'forening', form: forening }, ...rest]);
});
