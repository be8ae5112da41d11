// The demo content is plain language: every Danish text citizens read has LIX ≤ 40.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lixOfMarkdown } from '../lix.ts';
import { checkArticle } from '../articles.ts';
import { seedArticles, seedInput } from './articles.ts';

test('there are at least 40 public and 10 internal articles, some in English, some referrals', () => {
  const publicOnes = seedArticles.filter((a) => (a.audience ?? 'public') === 'public');
  assert.ok(publicOnes.length >= 40, `${publicOnes.length} public articles`);
  assert.ok(seedArticles.filter((a) => a.audience === 'internal').length >= 10);
  assert.ok(seedArticles.filter((a) => a.en).length >= 10);
  const authorities = new Set(seedArticles.flatMap((a) => (a.referral ? [a.referral.authority] : [])));
  for (const authority of ['Udbetaling Danmark', 'Skattestyrelsen', 'Familieretshuset', 'sundhed.dk', 'borger.dk', 'Politiet']) assert.ok(authorities.has(authority), authority);
});

test('every seed article is valid as the editor would check it', () => {
  for (const seed of seedArticles) assert.deepEqual(checkArticle(seedInput(seed, '2026-11-27')), [], seed.da[0]);
});

test('every public Danish answer has LIX ≤ 40 (short answer and full answer together)', () => {
  const tooHard = seedArticles
    .filter((a) => (a.audience ?? 'public') === 'public')
    .map((a) => ({ title: a.da[0], lix: lixOfMarkdown(`${a.da[1]}\n${a.da[2]}`).lix }))
    .filter((r) => r.lix > 40);
  assert.deepEqual(tooHard, []);
});
