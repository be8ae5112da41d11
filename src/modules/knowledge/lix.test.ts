// LIX against values computed by hand: words ÷ sentences + 100 × long words ÷ words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lix, lixLevel, lixOfMarkdown } from './lix.ts';

test('two short sentences: 8 words, 2 sentences, 1 long word → 8/2 + 100·1/8 = 16.5 → 17', () => {
  const r = lix('Jeg bor i en lejlighed. Den er stor.');
  assert.deepEqual({ words: r.words, sentences: r.sentences, longWords: r.longWords, lix: r.lix, level: r.level }, { words: 8, sentences: 2, longWords: 1, lix: 17, level: 'very-easy' });
});

test('one heavy sentence: 7 words, 5 long → 7/1 + 100·5/7 = 78.4 → 78, very hard', () => {
  const r = lix('Kommunalbestyrelsen behandler ansøgningen om byggetilladelse hurtigst muligt.');
  assert.equal(r.words, 7);
  assert.equal(r.longWords, 5); // "muligt" has six letters: not long
  assert.equal(r.lix, 78);
  assert.equal(r.level, 'very-hard');
});

test('a question and an exclamation: 5 + 4 words, 2 sentences, 4 long → 9/2 + 100·4/9 = 48.9 → 49, hard', () => {
  // Long: Hvornår (7 letters), skraldebilen, storskrald, afhentning; "henter" and "Bestil" have six.
  const r = lix('Hvornår henter skraldebilen mit storskrald? Bestil afhentning i dag!');
  assert.deepEqual([r.words, r.sentences, r.longWords, r.lix, r.level], [9, 2, 4, 49, 'hard']);
});

test('each line of a list ends a sentence, and digits count as words but never as long', () => {
  assert.deepEqual([lix('Husk:\n- pas\n- foto').sentences, lix('Husk:\n- pas\n- foto').lix], [3, 1]);
  const phone = lix('Ring på 43 68 68 68 i dag.');
  assert.deepEqual([phone.words, phone.longWords, phone.lix], [8, 0, 8]);
});

test('"kl. 10" ends a sentence where a full stop is followed by a space (as classic LIX counters do)', () => {
  assert.equal(lix('Vi åbner kl. 10 i dag.').sentences, 2);
  assert.equal(lix('Prisen er 2.300 kr').sentences, 1);
});

test('empty text has LIX 0', () => {
  assert.deepEqual([lix('').lix, lix('  \n ').words], [0, 0]);
});

test('the Danish scale: ≤ 24 very easy, 25–34 easy, 35–44 medium, 45–54 hard, ≥ 55 very hard', () => {
  assert.deepEqual([24, 25, 34, 35, 44, 45, 54, 55].map(lixLevel), ['very-easy', 'easy', 'easy', 'medium', 'medium', 'hard', 'hard', 'very-hard']);
});

test('Markdown: link targets, tags and markup do not count as words', () => {
  const r = lixOfMarkdown('## Husk\n\n- Læs [mere her](https://www.borger.dk/meget-lang-adresse).\n- <b>Ring</b> i dag.');
  // Husk | Læs mere her | Ring i dag → 7 words, 3 sentences, no long words → 7/3 = 2.3 → 2
  assert.deepEqual([r.words, r.sentences, r.longWords, r.lix], [7, 3, 0, 2]);
});
