// Case references readable on the phone: the year and a six-digit number, "2026-004211".
import type { Trx } from '../../platform/db/index.ts';
import { copenhagenDay } from '../../platform/calendar/index.ts';
import { takeReferenceNumber } from './store.ts';

const REFERENCE = /^(\d{4})-(\d{6,})$/;

export function formatReference(year: number, number: number): string {
  return `${year}-${String(number).padStart(6, '0')}`;
}

/** Accepts what people type or say: spaces and other dashes, missing leading zeros ("2026-4211"). */
export function normaliseReference(input: string): string | undefined {
  const match = /^\s*(\d{4})\s*[-–— ]?\s*(\d{1,9})\s*$/.exec(input);
  if (!match) return undefined;
  return formatReference(Number(match[1]), Number(match[2]));
}

export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** The next reference of the year `at` falls in (Copenhagen), unique across app nodes. */
export async function nextReference(trx: Trx, at: Date): Promise<string> {
  const year = Number(copenhagenDay(at).slice(0, 4));
  return formatReference(year, await takeReferenceNumber(trx, year));
}
