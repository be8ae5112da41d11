// Funnel figures: views, starts, steps reached, exits, completions, and abandonment as
// DESIGN.md defines it — idle 24 hours and not completed; completed later counts as
// completed only. The funnel tables hold nothing about the person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestDatabase } from '../../platform/db/testing.ts';
import { loadCatalogue } from './definitions.ts';
import { attemptTotals, funnel, funnelCsv } from './funnel.ts';
import { createAppTestDatabase, planAnswers, selfServiceOn } from './testing.ts';
import type { Draft, SelfService } from './service.ts';

let database: TestDatabase;
const catalogue = loadCatalogue();
const def = catalogue.get('anmeld-rotter')!;
const t0 = Date.parse('2026-11-20T10:00:00Z');
let now = new Date(t0);
const at = (minutes: number) => (now = new Date(t0 + minutes * 60_000));
let service: SelfService;

before(async () => {
  database = await createAppTestDatabase();
  service = selfServiceOn(database.db, database.dataDir, { catalogue, clock: () => now });
});
after(() => database.close());

async function answerSteps(draft: Draft, count: number): Promise<Draft> {
  for (const { stepId, form } of planAnswers(def).slice(0, count)) {
    const raw: Record<string, string> = {};
    form.forEach((v, k) => typeof v === 'string' && (raw[k] = v));
    const result = await service.saveStep(def, draft, def.steps.find((s) => s.id === stepId)!, { raw, uploads: {}, remove: [], lang: 'da' });
    draft = { ...draft, answers: result.answers };
  }
  return draft;
}

test('funnel counts, abandonment after 24 idle hours, and abandoned-then-completed counts as completed', async () => {
  at(0);
  for (let i = 0; i < 5; i++) await service.countView(def.id);
  // A: completes after 10 minutes.
  let a = (await service.startDraft(def)).draft;
  a = await answerSteps(a, 4);
  at(10);
  assert.ok('submission' in (await service.submitDraft(def, a, 'da')));
  // B: "mus" → eligibility exit.
  at(0);
  const b = (await service.startDraft(def)).draft;
  const exit = await service.saveStep(def, b, def.steps[0]!, { raw: { dyr: 'mus' }, uploads: {}, remove: [], lang: 'da' });
  assert.equal(exit.exit?.id, 'mus');
  // C: reaches the first step and leaves.
  await service.startDraft(def);
  // D: leaves for 30 hours, then completes.
  let d = (await service.startDraft(def)).draft;
  d = await answerSteps(d, 2);
  // E: starts 23 hours in, still within 24 hours of being active at the end.
  at(23 * 60);
  await service.startDraft(def);

  // Judged at 25 hours: C and D are abandoned.
  const early = await funnel(database.db, def, new Date(t0 - 3600_000), new Date(t0 + 48 * 3600_000), new Date(t0 + 25 * 3600_000));
  assert.equal(early.abandoned, 2);

  at(30 * 60);
  d = await answerSteps(d, 4);
  assert.ok('submission' in (await service.submitDraft(def, d, 'da')));
  at(31 * 60);
  await service.feedback(def.id, 4, 'Let');
  await service.feedback(def.id, 5, undefined);

  const f = await funnel(database.db, def, new Date(t0 - 3600_000), new Date(t0 + 48 * 3600_000), now);
  assert.equal(f.views, 5);
  assert.equal(f.starts, 5);
  assert.deepEqual(f.steps.map((s) => [s.id, s.reached]), [['dyr', 5], ['sted', 2], ['detaljer', 2], ['kontakt', 2]]);
  assert.equal(f.submissions, 2);
  assert.equal(f.exits, 1);
  assert.equal(f.completions, 3);
  assert.equal(f.abandoned, 1, 'only C: D was completed later and counts as completed only');
  assert.equal(f.inProgress, 1);
  assert.equal(f.completionRate, 3 / 5);
  assert.equal(f.abandonmentRatio, 1 / 3);
  // What channel insights reads: the same counts for every service at once.
  assert.deepEqual(await attemptTotals(database.db, new Date(t0 - 3600_000), new Date(t0 + 48 * 3600_000), now), [{ service: def.id, started: 5, completed: 3, abandoned: 1 }]);
  assert.equal(f.medianMinutes, (10 + 30 * 60) / 2);
  assert.deepEqual(f.satisfaction, { average: 4.5, count: 2 });
  const csv = funnelCsv(f);
  assert.match(csv, /^figure,value\n/);
  assert.match(csv, /\nstep:sted,2\n/);
  assert.match(csv, /\nabandonment_ratio,0\.3333\n/);
});

test('the funnel tables hold no personal data', async () => {
  const columns = async (table: string) => {
    const rows = await sql<{ c: string }>`select * from ${sql.table(table)} limit 1`.execute(database.db);
    return Object.keys(rows.rows[0] ?? {}).sort();
  };
  assert.deepEqual(await columns('selfservice_attempt'), ['assisted', 'completed_at', 'exit_id', 'id', 'last_active_at', 'service_id', 'started_at']);
  assert.deepEqual(await columns('selfservice_attempt_step'), ['attempt_id', 'step_id']);
  assert.deepEqual(await columns('selfservice_view'), ['day', 'service_id', 'views']);
});
