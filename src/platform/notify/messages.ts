import { defineMessages } from '../i18n/index.ts';

export const notifyMessages = defineMessages(
  {
    title: 'Udbakke',
    leadOutbox: 'Der er ikke sat en mailserver op. Derfor bliver e-mails og sms’er ikke sendt. De står her i stedet.',
    leadSmtp: 'Her er de seneste beskeder, Kanal har sendt eller prøver at sende.',
    none: 'Der er ingen beskeder endnu.',
    created: 'Oprettet',
    channel: 'Kanal',
    channels: { email: 'E-mail', sms: 'Sms' },
    recipient: 'Modtager',
    message: 'Besked',
    state: 'Status',
    states: { pending: 'Venter', sent: 'Sendt', failed: 'Kunne ikke sendes' },
    via: (transport: string) => (transport === 'outbox' ? 'kun udbakke' : `via ${transport}`),
    showing: (n: number) => `De seneste ${n} beskeder`,
  },
  {
    title: 'Outbox',
    leadOutbox: 'No mail server is set up, so e-mails and text messages are not sent. They are shown here instead.',
    leadSmtp: 'The latest messages Kanal has sent or is trying to send.',
    none: 'There are no messages yet.',
    created: 'Created',
    channel: 'Channel',
    channels: { email: 'E-mail', sms: 'Text message' },
    recipient: 'Recipient',
    message: 'Message',
    state: 'Status',
    states: { pending: 'Waiting', sent: 'Sent', failed: 'Could not be sent' },
    via: (transport: string) => (transport === 'outbox' ? 'outbox only' : `via ${transport}`),
    showing: (n: number) => `The latest ${n} messages`,
  },
);
