import { defineMessages } from '../../platform/i18n/index.ts';

export const portalMessages = defineMessages(
  {
    frontTitle: 'Selvbetjening',
    frontLead: 'Her kan du finde svar og klare dine sager med kommunen. Du kan gøre det, når det passer dig.',
    frontComingTitle: 'Snart kan du mere her',
    frontComing: 'Vi bygger de første løsninger nu. Indtil da kan du ringe eller skrive til os.',
    contactTitle: 'Har du brug for hjælp?',
    contactPhone: 'Ring til os',
    contactVisit: 'Kom forbi Borgerservice',
    accessibilityTitle: 'Tilgængelighed',
    accessibilityLead: 'Vi vil gerne have, at alle kan bruge vores selvbetjening.',
    accessibilityBody: 'Siderne følger standarden WCAG 2.1 niveau AA. Du kan bruge dem med tastatur alene, med skærmlæser og på en lille skærm. Siderne virker også uden JavaScript.',
    accessibilityStatementText: 'Læs vores tilgængelighedserklæring',
    accessibilityProblem: 'Har du svært ved at bruge en side? Så skriv eller ring til os. Vi hjælper dig gerne.',
  },
  {
    frontTitle: 'Self-service',
    frontLead: 'Find answers and deal with the municipality here, whenever it suits you.',
    frontComingTitle: 'More is coming here soon',
    frontComing: 'We are building the first services now. Until then, call or write to us.',
    contactTitle: 'Do you need help?',
    contactPhone: 'Call us',
    contactVisit: 'Visit Borgerservice',
    accessibilityTitle: 'Accessibility',
    accessibilityLead: 'We want everyone to be able to use our self-service.',
    accessibilityBody: 'The pages follow WCAG 2.1 level AA. You can use them with a keyboard alone, with a screen reader and on a small screen. The pages also work without JavaScript.',
    accessibilityStatementText: 'Read our accessibility statement',
    accessibilityProblem: 'Is a page hard to use? Write or call us. We are happy to help.',
  },
);
