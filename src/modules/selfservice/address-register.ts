// Addresses for the address field's type-ahead and its check on the server. Behind an
// interface: a municipality connects DAWA/DAR; the embedded default is a small register
// of Albertslund addresses shipped with Kanal (a sample, not the official register), so
// the field works, and is tested, without a network.

export interface AddressHit {
  id: string;
  /** 'Bygaden 12, 2620 Albertslund' */
  text: string;
}

export interface AddressRegister {
  /** Addresses that start with what was typed, for the type-ahead. */
  suggest(query: string, limit?: number): Promise<AddressHit[]>;
  /** Addresses that match a typed address exactly or uniquely (no-JavaScript path). */
  resolve(text: string): Promise<AddressHit[]>;
}

// Streets in 2620 Albertslund and their highest house number in the sample.
const ALBERTSLUND_STREETS: [string, number][] = [
  ['Bygaden', 30], ['Nordmarks Allé', 9], ['Hedemarksvej', 40], ['Damgårdsvej', 30], ['Herstedvang', 14],
  ['Roskildevej', 200], ['Herstedøstervej', 40], ['Kongsholmparken', 20], ['Galgebakken Sønder', 20],
  ['Hyldespjældet', 40], ['Blokland', 30], ['Stationsvej', 20], ['Vognporten', 12], ['Topstykket', 30], ['Risbjerg Allé', 24],
  ['Stationstorvet', 10], ['Bibliotekstorvet', 10],
];
// Flats, among them those of the test register's people, so their prefilled address is found.
const ALBERTSLUND_FLATS = ['Kanalens Kvarter 12, 2. th.', 'Herstedvang 14, 1. tv.'];

const normalise = (s: string) => s.toLocaleLowerCase('da').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

export function albertslundRegister(): AddressRegister {
  const hit = (address: string) => {
    const text = `${address}, 2620 Albertslund`;
    return { id: `2620-${normalise(address).replace(/ /g, '-')}`, text, key: normalise(text) };
  };
  const all: (AddressHit & { key: string })[] = [
    ...ALBERTSLUND_STREETS.flatMap(([street, last]) => Array.from({ length: last }, (_, i) => hit(`${street} ${i + 1}`))),
    ...ALBERTSLUND_FLATS.map(hit),
  ];
  const strip = ({ id, text }: AddressHit): AddressHit => ({ id, text });
  return {
    async suggest(query, limit = 8) {
      const q = normalise(query);
      if (q.length < 2) return [];
      return all.filter((a) => a.key.startsWith(q) || a.key.includes(` ${q}`)).slice(0, limit).map(strip);
    },
    async resolve(text) {
      const q = normalise(text);
      if (!q) return [];
      const exact = all.filter((a) => a.key === q || a.key.startsWith(`${q} 2620`));
      if (exact.length > 0) return exact.map(strip);
      return all.filter((a) => a.key.startsWith(q)).slice(0, 20).map(strip);
    },
  };
}
