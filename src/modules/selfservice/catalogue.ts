// The catalogue at /selvbetjening: services grouped by life situation, a filter box
// (full search comes with the knowledge base), and the most used services.
import type { Lang } from '../../platform/i18n/index.ts';
import { lifeSituations, type LifeSituation, type ServiceDefinition } from './schema.ts';

const fold = (s: string) => s.toLocaleLowerCase('da').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** Services whose title, description or keywords contain every word of the query. */
export function filterServices(all: readonly ServiceDefinition[], query: string, lang: Lang): ServiceDefinition[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...all];
  return all.filter((def) => {
    const text = fold([def.title.da, def.title[lang], def.description[lang], ...(def.keywords ?? [])].join(' '));
    return words.every((w) => text.includes(w));
  });
}

export function groupByLifeSituation(services: readonly ServiceDefinition[], lang: Lang): { situation: LifeSituation; services: ServiceDefinition[] }[] {
  return lifeSituations
    .map((situation) => ({ situation, services: services.filter((s) => s.topic.lifeSituation === situation).sort((a, b) => a.title[lang].localeCompare(b.title[lang], lang)) }))
    .filter((g) => g.services.length > 0);
}

/** The most used services by submissions; ties and unused ones in catalogue order. */
export function mostUsed(all: readonly ServiceDefinition[], counts: Map<string, number>, n = 4): ServiceDefinition[] {
  return [...all].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0)).slice(0, n);
}
