// Import runs: an uploaded file's way through reading, checking, the admin's confirmation
// and the import, with its progress. Kept in the database (store.ts) so every app node and the
// worker see the same state. The figures themselves are written by importer.ts.
import type { Timestamp } from '../../../platform/db/index.ts';
import type { Day } from '../../../platform/calendar/index.ts';
import type { Channel } from '../schema.ts';
import type { ImportProblem } from './parse.ts';

/**
 * reading → checking → rejected (problems: nothing stored) | waiting (for the admin) →
 * importing → imported | unchanged (the same file again) | rejected (e.g. an overlap found at
 * import). failed: the job gave up after its last attempt; nothing was stored.
 */
export const runPhases = ['reading', 'checking', 'rejected', 'waiting', 'importing', 'imported', 'unchanged', 'failed'] as const;
export type RunPhase = (typeof runPhases)[number];
/** Phases in which the worker is at work, so the page follows its progress. */
export const busyPhases: readonly RunPhase[] = ['reading', 'checking', 'importing'];

/** What the check found, shown before the admin confirms. */
export interface RunPreview {
  /** Lines in the file, the header included. */
  lines: number;
  rows: number;
  total: number;
  firstDay: Day | null;
  lastDay: Day | null;
  totalsByChannel: Partial<Record<Channel, number>>;
  alreadyImported: boolean;
  /** Earlier imports (file names) this file replaces. */
  replaces: string[];
}

export interface RunResult {
  rows: number;
  total: number;
  replaced: number;
}

export interface ImportRun {
  id: number;
  source: string;
  fileName: string;
  fileKey: string;
  fileHash: string;
  size: number;
  phase: RunPhase;
  problemCount: number;
  problems: ImportProblem[];
  preview: RunPreview | null;
  result: RunResult | null;
  error: string | null;
  createdBy: string;
  createdAt: Timestamp;
  done: number;
  total: number | null;
}
