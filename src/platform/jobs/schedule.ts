// Recurring jobs: a cron expression read in Europe/Copenhagen. Every worker node
// enqueues the next occurrence with a key made from its time, so however many
// nodes run, each occurrence is one job and runs once.
import { CronExpressionParser } from 'cron-parser';

export const SCHEDULE_TIME_ZONE = 'Europe/Copenhagen';

/**
 * The first occurrence strictly after `after`. cron-parser follows the time zone's
 * rules: "0 2 * * *" runs at 03:00 on the night the clocks go forward (02:00 does
 * not exist) and once, at the first 02:00, on the night they go back.
 */
export function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: SCHEDULE_TIME_ZONE }).next().toDate();
}

/** Throws a readable error for an expression cron-parser does not accept. */
export function validateCron(cron: string): void {
  try {
    CronExpressionParser.parse(cron, { tz: SCHEDULE_TIME_ZONE });
  } catch (error) {
    throw new Error(`"${cron}" is not a valid cron expression: ${(error as Error).message}`);
  }
}

/** The idempotency key of one occurrence of a recurring job. */
export function occurrenceKey(type: string, at: Date): string {
  return `schedule:${type}:${at.toISOString()}`;
}
