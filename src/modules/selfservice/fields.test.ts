// Every field type's reading and checking, with the messages a citizen sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { albertslundRegister } from './address-register.ts';
import { checkStep, rawFromAnswers, rawFromJson, type CheckContext, type RawForm } from './fields.ts';
import type { Field } from './schema.ts';

const ctx: CheckContext = { lang: 'da', addresses: albertslundRegister(), today: '2026-11-27' };
const label = (da: string) => ({ da, en: da });

async function check(field: Field, raw: RawForm) {
  return checkStep([field], raw, {}, ctx);
}
async function message(field: Field, raw: RawForm) {
  const { errors } = await check(field, raw);
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
  return errors[0]!;
}

test('text: required, trimmed, too long counts characters (not bytes)', async () => {
  const f: Field = { type: 'text', id: 'navn', label: label('Dit navn'), maxLength: 5 };
  assert.equal((await message(f, { navn: '  ' })).message, 'Du mangler at svare på: Dit navn');
  assert.deepEqual((await check(f, { navn: ' Åse ' })).values, { navn: 'Åse' });
  assert.equal((await message(f, { navn: 'Æblegrød' })).message, 'Teksten er for lang. Den må højst have 5 tegn. Nu har den 8.');
  const optional: Field = { ...f, required: false };
  assert.deepEqual(await check(optional, { navn: '' }), { values: {}, errors: [] });
});

test('textarea has a default limit of 2000 characters', async () => {
  const f: Field = { type: 'textarea', id: 'besked', label: label('Besked') };
  assert.equal((await check(f, { besked: 'x'.repeat(2000) })).errors.length, 0);
  assert.match((await message(f, { besked: 'x'.repeat(2001) })).message, /højst have 2000 tegn/);
});

test('number: Danish decimal comma, whole numbers, min and max', async () => {
  const f: Field = { type: 'number', id: 'areal', label: label('Areal'), min: 1, max: 50, decimals: 1 };
  assert.deepEqual((await check(f, { areal: '12,5' })).values, { areal: 12.5 });
  assert.equal((await message(f, { areal: 'tolv' })).message, 'Skriv et tal med cifre, fx 12.');
  assert.equal((await message(f, { areal: '51' })).message, 'Tallet må højst være 50,0.');
  assert.equal((await message(f, { areal: '0,5' })).message, 'Tallet skal være 1,0 eller mere.');
  assert.equal((await message(f, { areal: '1,25' })).message, 'Skriv højst 1 cifre efter kommaet.');
  const whole: Field = { type: 'number', id: 'antal', label: label('Antal') };
  assert.equal((await message(whole, { antal: '2,5' })).message, 'Skriv et helt tal uden komma.');
  assert.deepEqual((await check(whole, { antal: '1.200' })).values, { antal: 1200 });
});

test('date: three parts, 31-02 does not exist, missing parts named, past/future', async () => {
  const f: Field = { type: 'date', id: 'dato', label: label('Hvornår'), when: 'future' };
  assert.deepEqual((await check(f, { 'dato-day': '3', 'dato-month': '12', 'dato-year': '2026' })).values, { dato: '2026-12-03' });
  const feb = await message(f, { 'dato-day': '31', 'dato-month': '2', 'dato-year': '2027' });
  assert.equal(feb.message, 'Datoen findes ikke. Tjek dag og måned.');
  assert.equal(feb.target, 'dato-day');
  const missing = await message(f, { 'dato-day': '3', 'dato-month': '', 'dato-year': '' });
  assert.equal(missing.message, 'Datoen mangler måned og år.');
  assert.equal(missing.target, 'dato-month');
  assert.equal((await message(f, { 'dato-day': '3', 'dato-month': '12', 'dato-year': '26' })).message, 'Skriv året med fire cifre, fx 2026.');
  assert.equal((await message(f, { 'dato-day': '1', 'dato-month': '1', 'dato-year': '2026' })).message, 'Datoen må ikke være før i dag.');
  assert.equal((await message(f, { 'dato-day': 'a', 'dato-month': '1', 'dato-year': '2027' })).message, 'Skriv dag, måned og år med tal, fx 27 11 2026.');
  assert.equal((await message(f, {})).target, 'dato-day');
  const past: Field = { type: 'date', id: 'd', label: label('Set'), when: 'past' };
  assert.equal((await message(past, { 'd-day': '28', 'd-month': '11', 'd-year': '2026' })).message, 'Datoen må ikke være efter i dag.');
  assert.equal((await check(past, { 'd-day': '29', 'd-month': '2', 'd-year': '2024' })).errors.length, 0, '29 February in a leap year exists');
});

test('CPR: format and a real date only — never modulus 11', async () => {
  const f: Field = { type: 'cpr', id: 'cpr', label: label('CPR-nummer') };
  // 010107-1237 fails modulus 11 (weights 4,3,2,7,6,5,4,3,2,1 sum 45… ≠ 0 mod 11) but is a valid CPR since 2007.
  const sum = [...'0101071237'].reduce((s, d, i) => s + Number(d) * [4, 3, 2, 7, 6, 5, 4, 3, 2, 1][i]!, 0);
  assert.notEqual(sum % 11, 0);
  assert.deepEqual((await check(f, { cpr: '010107-1237' })).values, { cpr: '0101071237' });
  assert.deepEqual((await check(f, { cpr: '0101071237' })).values, { cpr: '0101071237' });
  assert.equal((await message(f, { cpr: '310207-1234' })).message, 'CPR-nummeret starter ikke med en rigtig dato. Tjek de seks første cifre.');
  assert.equal((await message(f, { cpr: '12345' })).message, 'Skriv et CPR-nummer med 10 cifre, fx 010203-1234.');
  // 29 February: 2000 was a leap year (7th digit 4, year 00 → 2000), 1900 was not (7th digit 0 → 1900).
  assert.equal((await check(f, { cpr: '290200-4000' })).errors.length, 0);
  assert.equal((await check(f, { cpr: '290200-0000' })).errors.length, 1);
});

test('CVR: eight digits and modulus 11', async () => {
  const f: Field = { type: 'cvr', id: 'cvr', label: label('CVR-nummer') };
  // 29188505 (Albertslund Kommune): 2·2+9·7+1·6+8·5+8·4+5·3+0·2+5·1 = 165 = 15·11
  assert.deepEqual((await check(f, { cvr: '2918 8505' })).values, { cvr: '29188505' });
  assert.equal((await message(f, { cvr: '29188506' })).message, 'Det CVR-nummer findes ikke. Tjek at du har skrevet det rigtigt.');
  assert.equal((await message(f, { cvr: '1234567' })).message, 'Skriv et CVR-nummer med 8 cifre.');
  assert.equal((await message(f, { cvr: '09188505' })).message, 'Skriv et CVR-nummer med 8 cifre.');
  // The login's own CVR number (from MitID Erhverv) is taken as it is; another typed number is checked.
  const loggedIn = { ...ctx, loginCvr: '29188506' };
  assert.deepEqual((await checkStep([f], { cvr: '2918 8506' }, {}, loggedIn)).values, { cvr: '29188506' });
  assert.equal((await checkStep([f], { cvr: '29188507' }, {}, loggedIn)).errors[0]?.message, 'Det CVR-nummer findes ikke. Tjek at du har skrevet det rigtigt.');
});

test('e-mail and phone', async () => {
  const mail: Field = { type: 'email', id: 'mail', label: label('E-mail') };
  assert.deepEqual((await check(mail, { mail: 'anne@eksempel.dk' })).values, { mail: 'anne@eksempel.dk' });
  for (const bad of ['anne', 'anne@', 'anne@eksempel', 'a b@c.dk']) assert.equal((await message(mail, { mail: bad })).message, 'Skriv en e-mailadresse som navn@eksempel.dk.');
  const phone: Field = { type: 'phone', id: 'tlf', label: label('Telefon') };
  assert.deepEqual((await check(phone, { tlf: '+45 43 68 68 68' })).values, { tlf: '43686868' });
  assert.deepEqual((await check(phone, { tlf: '+46 8 123 456 78' })).values, { tlf: '+46812345678' });
  assert.equal((await message(phone, { tlf: '1234' })).message, 'Skriv et telefonnummer med 8 cifre, fx 43 68 68 68.');
});

test('address: resolved against the register; unknown and ambiguous say so', async () => {
  const f: Field = { type: 'address', id: 'adr', label: label('Adresse') };
  assert.deepEqual((await check(f, { adr: 'bygaden 12' })).values, { adr: { text: 'Bygaden 12, 2620 Albertslund', id: '2620-bygaden-12' } });
  assert.deepEqual((await check(f, { adr: 'Bygaden 12, 2620 Albertslund' })).values.adr, { text: 'Bygaden 12, 2620 Albertslund', id: '2620-bygaden-12' });
  assert.equal((await message(f, { adr: 'Strøget 1, København' })).message, 'Vi kan ikke finde adressen. Skriv vej, nummer og postnummer.');
  assert.equal((await message(f, { adr: 'Bygaden' })).message, 'Adressen passer på flere steder. Skriv også husnummer.');
  assert.deepEqual((await albertslundRegister().suggest('hyldesp', 3)).map((h) => h.text), ['Hyldespjældet 1, 2620 Albertslund', 'Hyldespjældet 2, 2620 Albertslund', 'Hyldespjældet 3, 2620 Albertslund']);
});

test('choices: radio, select, yes/no, checkboxes only accept their options', async () => {
  const options = [{ value: 'a', label: label('A') }, { value: 'b', label: label('B') }];
  const radio: Field = { type: 'radio', id: 'r', label: label('Vælg'), options };
  assert.deepEqual((await check(radio, { r: 'b' })).values, { r: 'b' });
  const bad = await message(radio, { r: 'c' });
  assert.equal(bad.message, 'Vælg et svar: Vælg');
  assert.equal(bad.target, 'r-option1');
  const select: Field = { type: 'select', id: 's', label: label('Vælg'), options };
  assert.equal((await message(select, {})).target, 's');
  const yesno: Field = { type: 'yesno', id: 'y', label: label('Har du?') };
  assert.deepEqual((await check(yesno, { y: 'no' })).values, { y: 'no' });
  assert.equal((await message(yesno, { y: 'maybe' })).message, 'Vælg et svar: Har du?');
  const boxes: Field = { type: 'checkboxes', id: 'c', label: label('Hvad'), options, maxSelected: 1 };
  assert.deepEqual((await check(boxes, { c: ['a'] })).values, { c: ['a'] });
  assert.equal((await message(boxes, { c: ['a', 'b'] })).message, 'Du kan højst vælge 1.');
  assert.equal((await message(boxes, { c: ['a', 'x'] })).message, 'Vælg et svar: Hvad');
});

test('repeatable group: items numbered in messages, empty extra items ignored, min', async () => {
  const f: Field = {
    type: 'group', id: 'ting', label: label('Ting'), itemLabel: label('Ting'), addLabel: label('Tilføj en ting mere'), min: 1, max: 3,
    fields: [{ type: 'text', id: 'hvad', label: label('Hvad er det') }, { type: 'number', id: 'antal', label: label('Antal') }],
  };
  const ok = await check(f, { 'ting-count': '3', 'ting-0-hvad': 'Sofa', 'ting-0-antal': '1', 'ting-1-hvad': 'Stol', 'ting-1-antal': '4' });
  assert.deepEqual(ok, { values: { ting: [{ hvad: 'Sofa', antal: 1 }, { hvad: 'Stol', antal: 4 }] }, errors: [] });
  const bad = await message(f, { 'ting-count': '2', 'ting-0-hvad': 'Sofa', 'ting-0-antal': '1', 'ting-1-hvad': 'Stol' });
  assert.equal(bad.message, 'Ting 2: Du mangler at svare på: Antal');
  assert.equal(bad.target, 'ting-1-antal');
  // round trip through the page's form
  assert.deepEqual((await check(f, rawFromAnswers([f], ok.values))).values, ok.values);
});

test('conditional fields are read only when shown, also on the same page', async () => {
  const fields: Field[] = [
    { type: 'yesno', id: 'set', label: label('Har du set rotter?') },
    { type: 'text', id: 'hvor', label: label('Hvor?'), showIf: { field: 'set', equals: 'yes' } },
  ];
  assert.deepEqual(await checkStep(fields, { set: 'no', hvor: '' }, {}, ctx), { values: { set: 'no' }, errors: [] });
  assert.equal((await checkStep(fields, { set: 'yes', hvor: '' }, {}, ctx)).errors[0]?.field, 'hvor');
});

test('the API answers are read exactly like the page: 2027-02-31 is not a date', async () => {
  const fields: Field[] = [{ type: 'date', id: 'd', label: label('Dato') }, { type: 'yesno', id: 'y', label: label('Ja?') }];
  const { errors, values } = await checkStep(fields, rawFromJson(fields, { d: '2027-02-31', y: true }), {}, ctx);
  assert.equal(errors[0]?.message, 'Datoen findes ikke. Tjek dag og måned.');
  assert.deepEqual(values, { y: 'yes' });
});

test('messages come in English too', async () => {
  const f: Field = { type: 'cvr', id: 'cvr', label: label('CVR') };
  const { errors } = await checkStep([f], { cvr: '1' }, {}, { ...ctx, lang: 'en' });
  assert.equal(errors[0]?.message, 'Enter a CVR number with 8 digits.');
});
