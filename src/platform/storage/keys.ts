// Storage keys are paths of plain names: they cannot climb out of the storage root,
// point at hidden files (the root's .tmp is one) or mean different things on
// different systems.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class InvalidKey extends Error {
  constructor(key: string) {
    super(`${JSON.stringify(key.slice(0, 100))} is not a storage key: use names of letters, digits, ".", "_" and "-" separated by "/", each starting with a letter or digit.`);
    this.name = 'InvalidKey';
  }
}

export function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > 512) throw new InvalidKey(key);
  for (const segment of key.split('/')) if (!SEGMENT.test(segment)) throw new InvalidKey(key);
}
