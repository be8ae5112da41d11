// CVR numbers as self-service fields check them: eight digits and modulus 11, which every
// CVR number passes. (CPR numbers: the platform's checkCpr — never modulus 11.)

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** Eight digits (spaces allowed) whose weighted sum is divisible by 11. */
export function cvrCheck(input: string): 'ok' | 'format' | 'checksum' {
  const digits = input.replace(/\s+/g, '');
  if (!/^[1-9]\d{7}$/.test(digits)) return 'format';
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * CVR_WEIGHTS[i]!, 0);
  return sum % 11 === 0 ? 'ok' : 'checksum';
}
