import { defineMessages } from '../../platform/i18n/index.ts';

export const portalMessages = defineMessages(
  {
    frontTitle: 'Selvbetjening',
    frontLead: 'Her kan du finde svar og klare dine sager med kommunen. Du kan gøre det, når det passer dig.',
    frontServicesTitle: 'Søg, meld og bestil',
    frontServicesLink: 'Se alle løsninger',
    frontServicesLead: 'Du kan fx anmelde rotter, bestille storskrald eller søge om hjælpemidler.',
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
    frontServicesTitle: 'Apply, report and order',
    frontServicesLink: 'See all services',
    frontServicesLead: 'For example, report rats, order bulky waste collection or apply for assistive aids.',
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
