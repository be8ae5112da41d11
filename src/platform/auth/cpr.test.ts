import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthDateOfCpr, checkCpr, formatCpr, normaliseCpr, normaliseCvr } from './cpr.ts';

test('a CPR number\'s date of birth follows the CPR office\'s century rule', () => {
  assert.equal(birthDateOfCpr('0211360213'), '1936-11-02'); // 7th digit 0: 1900s
  assert.equal(birthDateOfCpr('0305164127'), '2016-05-03'); // 4 and year ≤ 36: 2000s
  assert.equal(birthDateOfCpr('0305404127'), '1940-05-03'); // 4 and year > 36: 1900s
  assert.equal(birthDateOfCpr('0101585000'), '1858-01-01'); // 5–8 and year ≥ 58: 1800s
  assert.equal(birthDateOfCpr('0101575000'), '2057-01-01'); // 5–8 and year ≤ 57: 2000s
  assert.equal(birthDateOfCpr('2902009000'), '2000-02-29'); // 9 and year ≤ 36: 2000s, a leap day
});

test('a CPR number needs a real date and is never checked with modulus 11', () => {
  assert.equal(normaliseCpr('120388-1234'), '1203881234');
  assert.equal(normaliseCpr('1203881234'), '1203881234');
  assert.equal(normaliseCpr(' 120388 1234 '), '1203881234');
  // 010203-1234 fails modulus 11 and is still a valid number (issued since 2007 they need not pass).
  assert.equal(normaliseCpr('0102031234'), '0102031234');
  assert.equal(normaliseCpr('3102881234'), undefined, '31 February');
  assert.equal(normaliseCpr('2902011234'), undefined, '29 February 1901 was no leap day');
  assert.equal(normaliseCpr('12038812'), undefined);
  assert.equal(normaliseCpr('12038812345'), undefined);
  assert.equal(normaliseCpr('abcdefghij'), undefined);
});

test('checkCpr tells a wrong format from a date that does not exist', () => {
  assert.deepEqual(checkCpr('010203-1234'), { cpr: '0102031234' });
  assert.deepEqual(checkCpr('12038812'), { problem: 'format' });
  assert.deepEqual(checkCpr('120388-12a4'), { problem: 'format' });
  assert.deepEqual(checkCpr('310288-1234'), { problem: 'date' });
});

test('CVR numbers are eight digits; CPR numbers are shown as ddmmyy-xxxx', () => {
  assert.equal(normaliseCvr('3141 5926'), '31415926');
  assert.equal(normaliseCvr('01234567'), undefined);
  assert.equal(normaliseCvr('1234567'), undefined);
  assert.equal(formatCpr('1203881234'), '120388-1234');
});
