// 10,000 articles of realistic length for the knowledge benchmark. Each is one of the
// demo answers (its topic words) under a varied title, plus 150–300 words of generated
// Danish-like text whose words follow a Zipf distribution over a large vocabulary, as
// the words of a real knowledge base do: a few very common, most rare.
import type { Db } from '../src/platform/db/index.ts';
import { createArticle } from '../src/modules/knowledge/articles.ts';
import { seedArticles, seedInput } from '../src/modules/knowledge/seed/articles.ts';

const places = ['Hyldagerparken', 'Galgebakken', 'Hedemarken', 'Kanalens Kvarter', 'Vridsløselille', 'Herstedvester', 'Birkelundparken', 'Albertslund Syd', 'Albertslund Nord', 'Egelundsparken'];
const stems = [
  'bolig', 'skole', 'vej', 'have', 'bil', 'barn', 'familie', 'hjem', 'by', 'park', 'sti', 'cykel', 'bus', 'tog', 'vand', 'varme', 'el', 'skat', 'løn', 'job',
  'læge', 'tand', 'syge', 'pleje', 'hjælp', 'støtte', 'tilskud', 'ydelse', 'pension', 'ferie', 'fritid', 'sport', 'hal', 'bad', 'bog', 'musik', 'kultur', 'kunst', 'dans', 'leg',
  'mad', 'køkken', 'affald', 'genbrug', 'papir', 'plast', 'glas', 'metal', 'jord', 'træ', 'sten', 'hus', 'tag', 'mur', 'dør', 'vindue', 'gård', 'hegn', 'kloak', 'lys',
  'nabo', 'borger', 'kommune', 'råd', 'møde', 'plan', 'sag', 'brev', 'post', 'kort', 'kode', 'nummer', 'adresse', 'flyt', 'leje', 'ejer', 'lån', 'gæld', 'regning', 'betaling',
  'uge', 'dag', 'år', 'tid', 'aften', 'morgen', 'vinter', 'sommer', 'forår', 'efterår', 'regel', 'lov', 'krav', 'frist', 'svar', 'ansøgning', 'tilladelse', 'attest', 'bevis', 'kontrol',
  'hund', 'kat', 'hest', 'fugl', 'fisk', 'sø', 'strand', 'skov', 'mark', 'eng', 'torv', 'butik', 'marked', 'center', 'klub', 'forening', 'frivillig', 'ung', 'ældre', 'voksen',
];
const endings = ['', 'en', 'er', 'erne', 'et', 'e', 's'];
const vocabulary = stems.flatMap((a) => stems.map((b) => `${a}${b}`)).flatMap((w, i) => (i % 3 === 0 ? endings.map((e) => w + e) : [w]));

/** A small deterministic random generator, so every run indexes the same text. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function generatedWords(rnd: () => number, count: number): string {
  return Array.from({ length: count }, () => {
    // Zipf-like: word rank ~ N · u^4, so low ranks are far more common.
    const rank = Math.floor(vocabulary.length * rnd() ** 4);
    return rnd() < 0.35 ? ['og', 'i', 'at', 'det', 'du', 'kan', 'skal', 'til', 'med', 'på'][Math.floor(rnd() * 10)]! : vocabulary[rank]!;
  }).join(' ');
}

function generatedParagraph(rnd: () => number): string {
  const sentences = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => {
    const sentence = generatedWords(rnd, 5 + Math.floor(rnd() * 7));
    return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
  });
  return sentences.join(' ');
}

export async function insertBenchArticles(db: Db, count: number): Promise<void> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  for (let start = 0; start < count; start += 500) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const base = seedArticles[i % seedArticles.length]!;
        const input = seedInput(base, '2026-11-27');
        const title = `${base.da[0].replace(/\?$/, '')} – ${generatedWords(rnd, 3)} i ${pick(places)}?`;
        const body = [base.da[2], ...Array.from({ length: 4 + Math.floor(rnd() * 5) }, () => generatedParagraph(rnd))].join('\n\n');
        await createArticle(
          trx,
          { ...input, keywords: [...input.keywords, pick(places).toLowerCase()], texts: { da: { title, shortAnswer: base.da[1], bodyMarkdown: body } } },
          { id: 'bench' },
        );
      }
    });
  }
}
