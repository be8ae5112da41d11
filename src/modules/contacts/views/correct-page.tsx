import { Button, ButtonGroup, Select } from '../../../platform/ui/components/index.ts';
import { contactMessages } from '../messages.ts';
import type { Contact, Topic } from '../schema.ts';
import { RegistrationFields } from './register-page.tsx';
import { ContactsLayout, Csrf, clock, paths, type StaffPageContext } from './shared.tsx';

export function CorrectPage({ ctx, contact, topics }: { ctx: StaffPageContext; contact: Contact; topics: Topic[] }) {
  const t = contactMessages[ctx.lang];
  const options = topics.filter((x) => x.active || x.code === contact.topic).map((x) => ({ value: x.code, text: x.name }));
  return (
    <ContactsLayout ctx={ctx} title={t.correctTitle}>
      <h1>
        {t.correctTitle} <span class="weight-normal">{clock(contact.createdAt)}</span>
      </h1>
      <form method="post" action={paths.correct(contact.id)} novalidate>
        <Csrf ctx={ctx} />
        <Select id="topic" name="topic" label={t.topicLabel} options={options} value={contact.topic} />
        <RegistrationFields
          ctx={ctx}
          values={{ channel: contact.channel, kind: contact.kind, resolved: contact.resolved === 'no' ? 'no' : 'yes', failureDemand: contact.failureDemand, assisted: contact.assisted }}
        />
        <ButtonGroup>
          <Button variant="primary">{t.saveCorrection}</Button>
          <Button href={paths.register} variant="secondary">
            {t.cancel}
          </Button>
        </ButtonGroup>
      </form>
    </ContactsLayout>
  );
}
