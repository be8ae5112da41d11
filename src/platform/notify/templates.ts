// The notification texts, Danish and English. A template gets nothing from the
// sender but the recipient's language: what it can say is fixed here, so no
// notification can carry a name, a CPR number or a case's content — only "you have
// news, log in". The rest of the message waits behind the login.
import { defineMessages, type Lang } from '../i18n/index.ts';
import type { TemplateName } from './schema.ts';

export interface TemplateValues {
  municipality: string;
  loginUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

interface Template {
  subject: (v: TemplateValues) => string;
  /** The e-mail's main lines, between the greeting and the signature. */
  lines: (v: TemplateValues) => string[];
  sms: (v: TemplateValues) => string;
}

const catalogue = defineMessages<{ greeting: string; noReply: string; regards: string; templates: Record<TemplateName, Template> }>(
  {
    greeting: 'Hej',
    noReply: 'Du kan ikke svare på denne e-mail.',
    regards: 'Venlig hilsen',
    templates: {
      news: {
        subject: (v) => `Du har en ny besked fra ${v.municipality}`,
        lines: (v) => [`Du har fået en ny besked fra ${v.municipality}.`, 'Log ind for at læse den:', v.loginUrl],
        sms: (v) => `Du har en ny besked fra ${v.municipality}. Log ind for at læse den: ${v.loginUrl}`,
      },
      received: {
        subject: () => 'Vi har fået din henvendelse',
        lines: (v) => [`${v.municipality} har fået din henvendelse.`, 'Log ind for at se den og følge med:', v.loginUrl],
        sms: (v) => `${v.municipality} har fået din henvendelse. Log ind for at se den: ${v.loginUrl}`,
      },
    },
  },
  {
    greeting: 'Hello',
    noReply: 'You cannot reply to this e-mail.',
    regards: 'Kind regards',
    templates: {
      news: {
        subject: (v) => `You have a new message from ${v.municipality}`,
        lines: (v) => [`You have a new message from ${v.municipality}.`, 'Log in to read it:', v.loginUrl],
        sms: (v) => `You have a new message from ${v.municipality}. Log in to read it: ${v.loginUrl}`,
      },
      received: {
        subject: () => 'We have received your request',
        lines: (v) => [`${v.municipality} has received your request.`, 'Log in to see it and follow it:', v.loginUrl],
        sms: (v) => `${v.municipality} has received your request. Log in to see it: ${v.loginUrl}`,
      },
    },
  },
);

export function renderEmail(template: TemplateName, lang: Lang, values: TemplateValues): RenderedEmail {
  const c = catalogue[lang];
  const t = c.templates[template];
  return {
    subject: t.subject(values),
    text: [c.greeting, '', ...t.lines(values), '', c.noReply, '', c.regards, values.municipality, ''].join('\n'),
  };
}

export function renderSms(template: TemplateName, lang: Lang, values: TemplateValues): string {
  return catalogue[lang].templates[template].sms(values);
}
