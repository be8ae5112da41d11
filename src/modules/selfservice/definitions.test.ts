// The definition format: the shipped catalogue is valid; a broken definition is refused
// with file, path and problem; the cross-checks a schema cannot make.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDefinition, DefinitionError, loadCatalogue } from './definitions.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break a definition in every way a file can
const base = () => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../services/anmeld-rotter.json'), 'utf8')) as Record<string, any>;

function problems(def: unknown): string[] {
  const result = checkDefinition(def);
  return result.ok ? [] : result.problems;
}

test('the shipped catalogue has at least 10 valid services, each in a known department', () => {
  const catalogue = loadCatalogue(undefined, ['borgerservice', 'boern-unge', 'social-sundhed', 'miljoe-teknik', 'kultur-fritid', 'administration']);
  assert.ok(catalogue.all.length >= 10);
  assert.equal(catalogue.get('anmeld-rotter')?.department, 'miljoe-teknik');
});

test('a wrong field says its own path and problem, not a union of every field type', () => {
  const def = base();
  def.steps[1].fields[1].options = [{ value: 'a', label: { da: 'A', en: 'A' } }];
  assert.deepEqual(problems(def), ['/steps/1/fields/1/options: must not have fewer than 2 items']);
  const unknown = base();
  unknown.steps[0].fields[0].type = 'slider';
  assert.match(problems(unknown)[0]!, /^\/steps\/0\/fields\/0\/type: unknown field type "slider"; expected one of text, textarea/);
  const extra = base();
  extra.steps[2].fields[0].colour = 'red';
  assert.deepEqual(problems(extra), ['/steps/2/fields/0: must not have additional properties (colour)']);
  const missing = base();
  delete missing.title.en;
  assert.deepEqual(problems(missing), ['/title: must have required properties en']);
});

test('conditions must point at earlier questions and real options', () => {
  const later = base();
  later.steps[0].fields[0].showIf = { field: 'navn', equals: 'x' };
  assert.deepEqual(problems(later), ['/steps/0/fields/0/showIf: refers to field "navn", which is not asked before this point']);
  const option = base();
  option.steps[0].exits[0].when = { field: 'dyr', equals: 'egern' };
  assert.deepEqual(problems(option), ['/steps/0/exits/0/when: "egern" is not an option of field "dyr" (rotter, mus)']);
  const numeric = base();
  numeric.steps[1].showIf = { field: 'dyr', above: 3 };
  assert.match(problems(numeric)[0]!, /need a number field; "dyr" is radio/);
  const twice = base();
  twice.steps[3].fields[0].id = 'dyr';
  assert.deepEqual(problems(twice), ['/steps/3/fields/0/id: field id "dyr" is used twice']);
});

test('groups hold no groups, files or guidance', () => {
  const def = base();
  def.steps[3].fields.push({ type: 'group', id: 'g', label: { da: 'G', en: 'G' }, itemLabel: { da: 'G', en: 'G' }, addLabel: { da: 'Tilføj', en: 'Add' }, fields: [{ type: 'file', id: 'f', label: { da: 'F', en: 'F' } }] });
  assert.deepEqual(problems(def), ['/steps/3/fields/3/fields/0/type: a group cannot hold a file field']);
});

test('an invalid file stops loading with file, path and problem — every problem, every file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-services-'));
  const good = base();
  fs.writeFileSync(path.join(dir, 'anmeld-rotter.json'), JSON.stringify(good));
  const bad = { ...base(), id: 'forkert', version: 0 };
  fs.writeFileSync(path.join(dir, 'forkert.json'), JSON.stringify(bad));
  fs.writeFileSync(path.join(dir, 'ikke-json.json'), '{ "id": ');
  fs.writeFileSync(path.join(dir, 'andet-navn.json'), JSON.stringify(base()));
  try {
    assert.throws(() => loadCatalogue(dir), (error: unknown) => {
      assert.ok(error instanceof DefinitionError);
      const lines = error.problems;
      assert.ok(lines.some((l) => l.endsWith('andet-navn.json: /id: the file must be named after the id ("anmeld-rotter.json")')), lines.join('\n'));
      assert.ok(lines.some((l) => /forkert\.json: \/version: must be >= 1/.test(l)), lines.join('\n'));
      assert.ok(lines.some((l) => /ikke-json\.json: not valid JSON/.test(l)), lines.join('\n'));
      return true;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a department that does not exist is refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-services-'));
  fs.writeFileSync(path.join(dir, 'anmeld-rotter.json'), JSON.stringify(base()));
  try {
    assert.throws(() => loadCatalogue(dir, ['borgerservice']), /\/department: "miljoe-teknik" is not one of the departments \(borgerservice\)/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
