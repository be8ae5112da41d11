// Plain Danish: every citizen text of 10 words or more, in the services and on the
// self-service pages, has LIX ≤ 40 (DESIGN.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lixDetails } from '../../platform/i18n/lix.ts';
import { loadCatalogue } from './definitions.ts';
import { selfServiceMessages } from './messages.ts';

/** Every Danish text in a definition, with where it is. */
function danishTexts(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (Array.isArray(value)) value.forEach((v, i) => danishTexts(v, `${path}/${i}`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.da === 'string' && typeof o.en === 'string') out.push([path, o.da]);
    else for (const [k, v] of Object.entries(o)) danishTexts(v, `${path}/${k}`, out);
  }
  return out;
}

function tooHard(texts: [string, string][]): string[] {
  return texts.flatMap(([where, text]) => {
    const d = lixDetails(text);
    return d.words >= 10 && d.lix > 40 ? [`${where}: LIX ${d.lix.toFixed(1)}: ${text}`] : [];
  });
}

test('every service text of 10+ words has LIX ≤ 40', () => {
  const catalogue = loadCatalogue();
  const texts = catalogue.all.flatMap((def) => danishTexts(def, def.id, []));
  assert.ok(texts.length > 300, `found ${texts.length} texts`);
  assert.deepEqual(tooHard(texts), []);
});

test('every self-service page text of 10+ words has LIX ≤ 40', () => {
  const texts: [string, string][] = [];
  for (const [key, value] of Object.entries(selfServiceMessages.da)) {
    // Functions are filled in with a plausible word or number.
    if (typeof value === 'function') texts.push([key, String((value as (...a: unknown[]) => string)('rotter', 3))]);
    else if (typeof value === 'string') texts.push([key, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => texts.push([`${key}/${i}`, String(v)]));
    else for (const [k, v] of Object.entries(value)) texts.push([`${key}/${k}`, String(v)]);
  }
  assert.deepEqual(tooHard(texts), []);
});
