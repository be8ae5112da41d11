// Retention: Kanal is not the archive. It deletes its copy of a closed case once the case and
// document system (ESDH) has confirmed the hand-off (after a short grace period), or after the
// retention configured for the case's KLE topic. Every deletion is audited.
import type { Db } from '../../platform/db/index.ts';
import { toTimestamp } from '../../platform/db/index.ts';
import * as store from './store.ts';
import { record } from '../../platform/audit/index.ts';
import { deleteCaseFiles } from './outbox.ts';

export type RetentionRules = {
  /** Days a closed, handed-off case stays visible in "Mit overblik" before it is deleted. */
  handoffGraceDays: number;
  /** Days after closing, per KLE topic prefix ('02' or '02.34'); the longest matching prefix wins. */
  topics: Record<string, number>;
};

const DAY_MS = 24 * 3600 * 1000;
const BATCH = 500;

/** The retention in days for a KLE number, from the longest matching prefix, or undefined. */
export function topicRetention(rules: RetentionRules, kle: string): number | undefined {
  const prefixes = Object.keys(rules.topics).filter((p) => kle === p || kle.startsWith(`${p}.`));
  prefixes.sort((a, b) => b.length - a.length);
  return prefixes[0] === undefined ? undefined : rules.topics[prefixes[0]];
}

export type Deletion = { reference: string; why: 'handoff' | 'retention' };

/**
 * Deletes every case that may go; each in its own transaction with its audit entry. The candidates
 * are read `batch` at a time, in pages by id: a case kept back (by a longer retention, or reopened)
 * is looked at once a run and never holds up the cases after it.
 */
export async function applyRetention(db: Db, rules: RetentionRules, at: Date = new Date(), batch = BATCH): Promise<Deletion[]> {
  const deleted: Deletion[] = [];
  const ago = (days: number) => toTimestamp(new Date(at.getTime() - days * DAY_MS));
  const remove = async (candidate: store.RetentionCandidate, why: Deletion['why'], due: store.Due) => {
    const removed = await db.transaction().execute(async (trx) => {
      if (!(await store.lockIfStillDue(trx, candidate.id, due))) return false;
      const keys = await store.findAttachmentKeysOfCase(trx, candidate.id);
      await store.deleteCase(trx, candidate.id);
      await record(trx, {
        actor: { kind: 'system', name: 'cases.retention' },
        action: 'case.delete',
        subject: { cpr: candidate.party_cpr ?? undefined, cvr: candidate.party_cvr ?? undefined },
        purpose: why === 'handoff' ? 'Sletning efter bekræftet overdragelse til sags- og dokumentsystemet' : `Sletning efter opbevaringsfristen for KLE ${candidate.kle}`,
        outcome: 'success',
        details: { reference: candidate.reference, department: candidate.department },
      });
      await deleteCaseFiles(trx, keys);
      return true;
    });
    if (removed) deleted.push({ reference: candidate.reference, why });
  };

  const handedOffBefore = ago(rules.handoffGraceDays);
  for await (const candidate of pagesById((after) => store.findHandedOffBefore(db, handedOffBefore, after, batch), batch)) {
    await remove(candidate, 'handoff', { handedOffBefore });
  }
  for (const [prefix, days] of Object.entries(rules.topics)) {
    const before = ago(days);
    // A longer prefix with a longer retention keeps its cases.
    const closedBefore = (c: store.RetentionCandidate) => ago(topicRetention(rules, c.kle) ?? days);
    for await (const candidate of pagesById((after) => store.findClosedOfTopicBefore(db, prefix, before, after, batch), batch)) {
      if (candidate.closed_at !== null && candidate.closed_at < closedBefore(candidate)) await remove(candidate, 'retention', { closedBefore: closedBefore(candidate) });
    }
  }
  return deleted;
}

/** Every candidate `find` gives, read a page of `size` at a time, each page after the last id of the one before. */
async function* pagesById(find: (afterId: number) => Promise<store.RetentionCandidate[]>, size: number): AsyncGenerator<store.RetentionCandidate> {
  for (let after = 0; ; ) {
    const page = await find(after);
    yield* page;
    if (page.length < size) return;
    after = page.at(-1)!.id;
  }
}
