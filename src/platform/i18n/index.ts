// Typed message catalogues: Danish first, English second. A catalogue is a plain
// object; the English one must have exactly the Danish one's shape, so a missing
// translation is a compile error, not a blank on a page.
export type Lang = 'da' | 'en';
export const languages: readonly Lang[] = ['da', 'en'];
export const defaultLang: Lang = 'da';

export interface Catalogue<T> {
  da: T;
  en: T;
}

/** Declares a catalogue; `en` is checked against the shape of `da`. */
export function defineMessages<T>(da: T, en: NoInfer<T>): Catalogue<T> {
  return { da, en };
}

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

/** Danish number formatting ("1.045.000", "32,5 %"), used on every page. */
export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
