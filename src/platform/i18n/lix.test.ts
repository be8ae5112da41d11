import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lix, lixDetails } from './lix.ts';

test('one sentence: 5 words, 2 long (bestille, storskrald) → 5 + 40 = 45', () => {
  assert.deepEqual(lixDetails('Du kan bestille storskrald her.'), { words: 5, sentences: 1, longWords: 2, lix: 5 + 40 });
  assert.equal(lix('Du kan bestille storskrald her.'), 45);
});

test('two sentences: 10 words / 2 + 1 long word of 10 → 5 + 10 = 15', () => {
  const text = 'Ring til os i dag. Vi svarer dig fra kommunen.';
  // words: Ring til os i dag (5), Vi svarer dig fra kommunen (5) = 10; long: kommunen = 1
  assert.deepEqual(lixDetails(text), { words: 10, sentences: 2, longWords: 1, lix: 15 });
});

test('abbreviations followed by a lower-case word do not end a sentence; line breaks do', () => {
  const text = 'Du kan f.eks. bygge et skur.\nDet er let';
  // words: Du kan f eks bygge et skur (f.eks. = f, eks → 2 words) = 7, Det er let = 3 → 10; sentences 2
  const d = lixDetails(text);
  assert.equal(d.words, 10);
  assert.equal(d.sentences, 2);
  assert.equal(d.longWords, 0);
  assert.equal(d.lix, 5);
});

test('long, official text scores high', () => {
  const text = 'Ansøgningen behandles administrativt efter forvaltningslovens bestemmelser vedrørende partshøring og begrundelse.';
  // 10 words, 1 sentence; long: all but "efter" and "og" = 8 → 10 + 80
  assert.equal(lix(text), 90);
  assert.ok(lix(text) > 40);
});

test('hyphenated words count once, their letters together', () => {
  assert.deepEqual(lixDetails('Se e-mail nu.'), { words: 3, sentences: 1, longWords: 0, lix: 3 });
  assert.equal(lixDetails('').lix, 0);
});
