// CPR and CVR numbers as self-service fields check them. CPR: format and a real date of
// birth only — never modulus 11 (numbers issued since 2007 do not all pass it). CVR:
// eight digits and modulus 11, which every CVR number passes.
import { DateTime } from 'luxon';

/** The century of a CPR number's year, from its 7th digit (the CPR office's table). */
function fullYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** The date of birth (YYYY-MM-DD) in ten digits, or undefined when it is not a real date. */
export function birthDateOfCpr(digits: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})(\d)\d{3}$/.exec(digits);
  if (!m) return undefined;
  const date = DateTime.fromObject({ year: fullYear(Number(m[3]), Number(m[4])), month: Number(m[2]), day: Number(m[1]) }, { zone: 'utc' });
  return date.isValid ? date.toISODate() : undefined;
}

/** '010203-1234', '010203 1234' or '0102031234' → ten digits; undefined when not ten digits. */
export function cprDigits(input: string): string | undefined {
  const m = /^(\d{6})[-\s]?(\d{4})$/.exec(input.trim());
  return m ? `${m[1]}${m[2]}` : undefined;
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** Eight digits (spaces allowed) whose weighted sum is divisible by 11. */
export function cvrCheck(input: string): 'ok' | 'format' | 'checksum' {
  const digits = input.replace(/\s+/g, '');
  if (!/^[1-9]\d{7}$/.test(digits)) return 'format';
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * CVR_WEIGHTS[i]!, 0);
  return sum % 11 === 0 ? 'ok' : 'checksum';
}

/** 'ddmmyy-xxxx', as people read and write it. */
export function formatCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}
