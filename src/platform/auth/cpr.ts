// CPR and CVR numbers: format and, for CPR, a real date of birth. Never modulus 11:
// CPR numbers issued since 2007 do not all pass it.
import { isDay } from '../calendar/index.ts';

/** The century a CPR number's year belongs to, from its 7th digit (the CPR office's table). */
function fullYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** The date of birth in a CPR number (YYYY-MM-DD), or undefined when it is not a real date. */
export function birthDateOfCpr(cpr: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})(\d)\d{3}$/.exec(cpr);
  if (!m) return undefined;
  const day = `${fullYear(Number(m[3]), Number(m[4]))}-${m[2]}-${m[1]}`;
  return isDay(day) ? day : undefined;
}

/**
 * The one CPR check (login, register, audit search, self-service fields): '010203-1234',
 * '0102031234' or '010203 1234' → ten digits, or why not — 'format' (not six and four
 * digits) or 'date' (no such date of birth). Format and date only, never modulus 11.
 */
export function checkCpr(input: string): { cpr: string } | { problem: 'format' | 'date' } {
  const m = /^(\d{6})[-\s]?(\d{4})$/.exec(input.trim());
  if (!m) return { problem: 'format' };
  const cpr = `${m[1]}${m[2]}`;
  return birthDateOfCpr(cpr) ? { cpr } : { problem: 'date' };
}

/** Ten digits, or undefined when the input is not a CPR number (see checkCpr). */
export function normaliseCpr(input: string): string | undefined {
  const result = checkCpr(input);
  return 'cpr' in result ? result.cpr : undefined;
}

/** Eight digits (spaces allowed), the first not 0. */
export function normaliseCvr(input: string): string | undefined {
  const digits = input.replace(/\s+/g, '');
  return /^[1-9]\d{7}$/.test(digits) ? digits : undefined;
}

/** 'ddmmyy-xxxx', as people read and write it. */
export function formatCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}
