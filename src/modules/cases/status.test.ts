import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KanalError } from '../../platform/http/errors.ts';
import { caseStatuses, checkTransfer, checkTransition, manualTransitionsFrom, transferableStatuses, type CaseStatus } from './status.ts';

// The whole machine, written out once more by hand: [from, to, citizen told?, only via].
const legal: [CaseStatus, CaseStatus, boolean, string?][] = [
  ['received', 'in_progress', true],
  ['received', 'waiting_for_citizen', true],
  ['received', 'closed', true],
  ['in_progress', 'waiting_for_citizen', true],
  ['in_progress', 'decided', true, 'decision'],
  ['in_progress', 'closed', true],
  ['waiting_for_citizen', 'in_progress', false],
  ['waiting_for_citizen', 'closed', true],
  ['decided', 'closed', false],
  ['decided', 'in_progress', true],
  ['closed', 'in_progress', true],
];

for (const from of caseStatuses) {
  for (const to of caseStatuses) {
    const rule = legal.find(([f, t]) => f === from && t === to);
    if (rule) {
      const [, , told, only] = rule;
      test(`${from} → ${to} is allowed${only ? ` only via ${only}` : ''}, citizen ${told ? 'told' : 'not told'}`, () => {
        const transition = checkTransition(from, to, only as 'decision' | undefined);
        assert.equal(transition.citizenText !== null, told);
        if (told) {
          assert.ok(transition.citizenText!.da.length > 10 && transition.citizenText!.en.length > 10);
        }
        if (only) {
          assert.throws(() => checkTransition(from, to), (e: unknown) => e instanceof KanalError && e.code === 'conflict' && /only by sending a decision/.test(e.message));
          assert.ok(!manualTransitionsFrom(from).some((t) => t.to === to), 'not offered as a manual move');
        } else {
          assert.ok(manualTransitionsFrom(from).some((t) => t.to === to));
        }
      });
    } else {
      test(`${from} → ${to} is refused with a clear message`, () => {
        assert.throws(
          () => checkTransition(from, to),
          (e: unknown) => e instanceof KanalError && e.code === 'conflict' && e.message.startsWith('A case that is') && e.message.includes('cannot become'),
        );
      });
    }
  }
}

test('the refusal says which moves are possible', () => {
  assert.throws(() => checkTransition('closed', 'decided'), /cannot become decided; it can become: in progress\./);
});

test('transfer is possible before a decision only', () => {
  for (const status of caseStatuses) {
    if (transferableStatuses.includes(status)) assert.doesNotThrow(() => checkTransfer(status));
    else assert.throws(() => checkTransfer(status), /cannot be transferred; reopen it first/);
  }
  assert.deepEqual([...transferableStatuses], ['received', 'in_progress', 'waiting_for_citizen']);
});
