// The cost model: a unit price per channel and year, and the saving per letter sent
// digitally instead of printed. Prices are kept as versions (who set what, when), so the
// history stays; a price applies from its year until a later year has a price of its own.
import { channels, type Channel } from '../contacts/index.ts';

/** What can have a price: an inbound contact on a channel, or the saving per digital letter. */
export const priceItems = [...channels, 'digital_letter_saving'] as const;
export type PriceItem = (typeof priceItems)[number];
export const isPriceItem = (v: unknown): v is PriceItem => typeof v === 'string' && (priceItems as readonly string[]).includes(v);

/** One price as set: amount in øre (null = deliberately no price), applying from `fromYear`. */
export interface PriceVersion {
  item: PriceItem;
  fromYear: number;
  ore: number | null;
  changedAt: string;
  changedBy: string;
}

/** KL, "Kanalpriser i danske kommuner 2011": the defaults every installation starts with. */
export const KL_2011_PRICES: ReadonlyArray<{ item: PriceItem; ore: number }> = [
  { item: 'self_service', ore: 500 },
  { item: 'phone', ore: 4000 },
  { item: 'email', ore: 5500 },
  { item: 'letter', ore: 6000 },
  { item: 'in_person', ore: 7500 },
  { item: 'digital_letter_saving', ore: 625 },
];
export const KL_2011_SOURCE = 'KL, Kanalpriser i danske kommuner 2011';
export const DEFAULT_PRICE_YEAR = 2011;

/** Looks up the price of an item in a year, from all versions ever set. */
export interface PriceBook {
  /** Øre, or null when the channel has no price that year (shown as "—", never 0). */
  ore(item: PriceItem, year: number): number | null;
  versions: readonly PriceVersion[];
}

export function priceBook(versions: readonly PriceVersion[]): PriceBook {
  // For each item: the newest version per from-year, sorted by from-year.
  const byItem = new Map<PriceItem, PriceVersion[]>();
  const sorted = [...versions].sort((a, b) => a.fromYear - b.fromYear || a.changedAt.localeCompare(b.changedAt));
  for (const v of sorted) {
    const list = byItem.get(v.item) ?? [];
    if (list.at(-1)?.fromYear === v.fromYear) list[list.length - 1] = v;
    else list.push(v);
    byItem.set(v.item, list);
  }
  return {
    versions,
    ore(item, year) {
      const list = byItem.get(item) ?? [];
      let found: PriceVersion | undefined;
      for (const v of list) if (v.fromYear <= year) found = v;
      return found?.ore ?? null;
    },
  };
}

/** Parses what an admin types ("40", "6,25", "6.25", "" or "—" for no price) into øre. */
export function parseKroner(text: string): { ok: true; ore: number | null } | { ok: false } {
  const t = text.trim().replace(/\s+/g, '');
  if (t === '' || t === '—' || t === '-') return { ok: true, ore: null };
  if (!/^\d{1,6}([.,]\d{1,2})?$/.test(t)) return { ok: false };
  const [whole, frac = ''] = t.replace(',', '.').split('.');
  return { ok: true, ore: Number(whole) * 100 + Number(frac.padEnd(2, '0')) };
}

export type { Channel };
