// "How is this computed": one definition per figure, Danish and English, with its source.
// Shown beside every figure and table, and written out in docs/insights.md.
import type { Lang } from '../../platform/i18n/index.ts';

export const figureIds = [
  'digitalShare',
  'inbound',
  'totalCost',
  'costPerTransaction',
  'saving',
  'digitalPostShare',
  'digitalLetterSaving',
  'takeUp',
  'firstContact',
  'failureDemand',
  'abandonment',
  'callbacks',
  'transfers',
  'channels',
  'months',
  'departments',
  'services',
  'topics',
  'goals',
  'trend',
] as const;
export type FigureId = (typeof figureIds)[number];

type Text = { da: string; en: string };
const registry = { da: 'Kontaktregistret (dagligt summerede henvendelser)', en: 'The contact registry (daily totals)' };

export const explanations: Record<FigureId, { how: Text; source: Text }> = {
  digitalShare: {
    how: {
      da: 'Digitale indgående henvendelser ÷ alle indgående henvendelser. Digitale kanaler: selvbetjening, web, e-mail, Digital Post, SMS og chat. Webbesøg (fra webstatistikken) tæller som digitale informationshenvendelser, som i KOMHEN (kan slås fra). Mål: mindst 50 %.',
      en: 'Inbound digital contacts ÷ all inbound contacts. Digital channels: self-service, web, e-mail, Digital Post, SMS and chat. Web visits (from web statistics) count as digital information contacts, as in KOMHEN (switchable). Goal: at least 50 %.',
    },
    source: registry,
  },
  inbound: { how: { da: 'Antal indgående henvendelser i perioden på alle kanaler.', en: 'Inbound contacts in the period on every channel.' }, source: registry },
  totalCost: {
    how: {
      da: 'Summen af indgående henvendelser × kanalens pris det år, de skete. Standardpriser: KL, "Kanalpriser i danske kommuner 2011" (selvbetjening 5 kr., telefon 40 kr., e-mail 55 kr., brev 60 kr., personligt fremmøde 75 kr.). Kanaler uden pris (fx webbesøg) er ikke med og vises som "—".',
      en: 'The sum of inbound contacts × their channel\'s price in the year they happened. Default prices: KL, "Kanalpriser i danske kommuner 2011" (self-service 5 kr., phone 40 kr., e-mail 55 kr., letter 60 kr., in person 75 kr.). Channels without a price (e.g. web visits) are left out and show "—".',
    },
    source: { da: 'Kontaktregistret og kanalpriserne', en: 'The contact registry and the channel prices' },
  },
  costPerTransaction: {
    how: {
      da: 'Udgiften til indgående transaktioner (fx ansøgninger) ÷ antallet af indgående transaktioner på kanaler med en pris.',
      en: 'The cost of inbound transactions (e.g. applications) ÷ the number of inbound transactions on channels with a price.',
    },
    source: { da: 'Kontaktregistret og kanalpriserne', en: 'The contact registry and the channel prices' },
  },
  saving: {
    how: {
      da: 'Hvad 2011\'s indgående henvendelser (omregnet til periodens længde) ville koste med periodens priser − hvad periodens henvendelser kostede. Samme priser på begge sider, så en prisændring aldrig tæller som en besparelse. "—" når der ikke er tal for 2011.',
      en: 'What 2011\'s inbound contacts (scaled to the period\'s length) would cost at the period\'s prices − what the period\'s contacts cost. The same prices on both sides, so a price change never counts as a saving. "—" when there are no 2011 figures.',
    },
    source: { da: 'Kontaktregistret (2011 og perioden) og kanalpriserne', en: 'The contact registry (2011 and the period) and the channel prices' },
  },
  digitalPostShare: {
    how: { da: 'Breve sendt med Digital Post ÷ alle udgående breve. Mål: mindst 80 %.', en: 'Letters sent by Digital Post ÷ all outgoing letters. Goal: at least 80 %.' },
    source: registry,
  },
  digitalLetterSaving: {
    how: {
      da: 'Antal breve sendt digitalt × besparelsen pr. brev det år (standard 6,25 kr. i stedet for print og porto). Eksempel fra strategien: 80 % af 240.000 breve digitalt sparer ca. 1,2 mio. kr. om året.',
      en: 'Letters sent digitally × that year\'s saving per letter (default 6.25 kr. instead of printing and postage). The strategy\'s example: 80 % of 240,000 letters sent digitally saves about 1.2 million kr. a year.',
    },
    source: { da: 'Kontaktregistret og kanalpriserne', en: 'The contact registry and the channel prices' },
  },
  takeUp: {
    how: {
      da: 'For selvbetjeninger: digitale transaktioner ÷ alle transaktioner for samme selvbetjening på alle kanaler. Mål: mindst 80 %.',
      en: 'For self-services: digital transactions ÷ all transactions for the same service on every channel. Goal: at least 80 %.',
    },
    source: { da: 'Kontaktregistret (transaktioner med selvbetjening angivet)', en: 'The contact registry (transactions naming a service)' },
  },
  firstContact: {
    how: {
      da: 'Henvendelser løst ved første kontakt ÷ henvendelser, hvor det er registreret (ja eller nej). Automatiske henvendelser har det ikke registreret og er ikke med.',
      en: 'Contacts resolved at first contact ÷ contacts where it is registered (yes or no). Automatic contacts do not have it and are left out.',
    },
    source: registry,
  },
  failureDemand: {
    how: {
      da: 'Indgående henvendelser markeret som spildhenvendelser (fordi noget ikke blev gjort eller ikke blev gjort rigtigt) ÷ indgående henvendelser uden webbesøg.',
      en: 'Inbound contacts marked as failure demand (caused by something not done or not done right) ÷ inbound contacts excluding web visits.',
    },
    source: registry,
  },
  abandonment: {
    how: {
      da: 'Afbrudte forsøg ÷ gennemførte. Et forsøg, der ikke er gennemført og har ligget stille i 24 timer, er afbrudt; gennemføres det senere, tæller det kun som gennemført. "Du kan ikke bruge denne selvbetjening" tæller som gennemført. Udgangspunkt 2011: 3,75. Mål: under 3,75. Gennemførelse = gennemførte ÷ påbegyndte.',
      en: 'Abandoned attempts ÷ completed ones. An attempt not completed and idle for 24 hours is abandoned; completed later, it counts as completed only. A "you cannot use this service" exit counts as completed. 2011 baseline: 3.75. Goal: below 3.75. Completion rate = completed ÷ started.',
    },
    source: { da: 'Selvbetjeningsmodulets forløbstal', en: 'The self-service module\'s funnel figures' },
  },
  callbacks: {
    how: {
      da: 'Andel af telefonnotater, der er ringet op inden for et døgn (24 timer). Mål: 100 %.',
      en: 'Share of phone messages called back within one day (24 hours). Goal: 100 %.',
    },
    source: { da: 'Ring-op-modulet (kommer senere)', en: 'The callbacks module (later)' },
  },
  transfers: {
    how: {
      da: 'Sager, som en forvaltning har sendt videre til en anden forvaltning i perioden, talt pr. gang. For én forvaltning tæller sager sendt fra den og til den. Telefonopkald, der stilles videre, registreres ikke.',
      en: 'Cases a department sent on to another department in the period, counted each time. For one department: cases sent from it and to it. Phone calls put through are not recorded.',
    },
    source: { da: 'Sagsmodulets sagsforløb', en: 'The cases module\'s case timelines' },
  },
  channels: {
    how: {
      da: 'Indgående og udgående henvendelser pr. kanal, kanalens pris og udgiften (indgående × pris). Udgående breve er ikke med i udgiften; de har deres egen besparelse.',
      en: 'Inbound and outgoing contacts per channel, the channel\'s price and the cost (inbound × price). Outgoing letters are not in the cost; they have their own saving.',
    },
    source: { da: 'Kontaktregistret og kanalpriserne', en: 'The contact registry and the channel prices' },
  },
  months: { how: { da: 'Indgående henvendelser pr. kanal og måned (dansk tid), og den digitale andel.', en: 'Inbound contacts per channel and month (Danish time), and the digital share.' }, source: registry },
  departments: {
    how: { da: 'Indgående henvendelser, digital andel og udgift pr. forvaltning. Forvaltningen kommer fra henvendelsens emne.', en: 'Inbound contacts, digital share and cost per department. The department comes from the contact\'s topic.' },
    source: registry,
  },
  services: {
    how: {
      da: 'Pr. selvbetjening: digitale og alle transaktioner, digital anvendelse (mål 80 %), gennemførelse og afbrudte forsøg pr. gennemført.',
      en: 'Per self-service: digital and all transactions, digital take-up (goal 80 %), completion rate and abandoned attempts per completed one.',
    },
    source: { da: 'Kontaktregistret og selvbetjeningsmodulet', en: 'The contact registry and the self-service module' },
  },
  topics: {
    how: {
      da: 'Hvor ville selvbetjening spare mest? Emner sorteret efter ikke-digitale indgående henvendelser × (kanalens pris − selvbetjeningens pris), med de selvbetjeninger, emnet har, og deres digitale anvendelse. Det er den analyse, strategien beder om, før nye løsninger vælges.',
      en: 'Where would self-service save most? Topics ranked by non-digital inbound contacts × (the channel\'s price − the self-service price), with the self-services the topic has and their take-up. The analysis the strategy asks for before new solutions are chosen.',
    },
    source: { da: 'Kontaktregistret og kanalpriserne', en: 'The contact registry and the channel prices' },
  },
  goals: {
    how: { da: 'Hvert mål med periodens tal og om det er nået. Andele skal mindst nå målet; afbrudte forsøg skal være under.', en: 'Each goal with the period\'s figure and whether it is met. Shares must reach the target; abandoned attempts must stay below.' },
    source: { da: 'Målene (redigeres af en administrator)', en: 'The goals (edited by an administrator)' },
  },
  trend: { how: { da: 'Pr. år fra 2011: indgående henvendelser, digital andel, udgift og andel breve sendt digitalt.', en: 'Per year since 2011: inbound contacts, digital share, cost and share of letters sent digitally.' }, source: registry },
};

export const explain = (id: FigureId, lang: Lang) => ({ how: explanations[id].how[lang], source: explanations[id].source[lang] });
