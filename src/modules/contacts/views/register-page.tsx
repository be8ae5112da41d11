// Quick registration: the common case (preselected channel, information, resolved) is one
// click on a frequent topic; any other topic by type-ahead (a datalist: no JavaScript needed).
import { Alert, Button, Checkboxes, ErrorSummary, Field, Radios, Table } from '../../../platform/ui/components/index.ts';
import { contactMessages } from '../messages.ts';
import { channels, kinds, type Channel, type Contact, type Kind, type Topic } from '../schema.ts';
import { CORRECTION_MINUTES } from '../registry.ts';
import { ContactsLayout, Csrf, clock, paths, type StaffPageContext } from './shared.tsx';

export interface RegistrationValues {
  channel: Channel;
  kind: Kind;
  resolved: 'yes' | 'no';
  failureDemand: boolean;
  assisted: boolean;
  topicText: string;
}

export interface RegisterPageProps {
  ctx: StaffPageContext;
  topics: Topic[];
  values: RegistrationValues;
  recent: Contact[];
  /** The topic just registered (after a redirect), or a note. */
  notice?: string | undefined;
  topicError?: string | undefined;
}

export function RegistrationFields({ ctx, values, idPrefix = '' }: { ctx: StaffPageContext; values: Omit<RegistrationValues, 'topicText'>; idPrefix?: string }) {
  const t = contactMessages[ctx.lang];
  return (
    <>
      <Radios
        id={`${idPrefix}channel`}
        name="channel"
        legend={t.channelLegend}
        formGroupClass="kanal-inline-radios"
        value={values.channel}
        items={channels.map((c) => ({ value: c, label: t.channel[c] }))}
      />
      <Radios id={`${idPrefix}kind`} name="kind" legend={t.kindLegend} value={values.kind} items={kinds.map((k) => ({ value: k, label: t.kind[k] }))} />
      <Radios id={`${idPrefix}resolved`} name="resolved" legend={t.resolvedLegend} value={values.resolved} items={[{ value: 'yes', label: t.resolved.yes }, { value: 'no', label: t.resolved.no }]} />
      <Checkboxes
        id={`${idPrefix}extras`}
        name="extras"
        legend={t.extrasLegend}
        required={false}
        values={[values.failureDemand && 'failureDemand', values.assisted && 'assisted'].filter((v): v is string => typeof v === 'string')}
        items={[
          { value: 'failureDemand', label: t.failureDemand },
          { value: 'assisted', label: t.assisted },
        ]}
      />
    </>
  );
}

export function RecentRegistrations({ ctx, recent, topics }: { ctx: StaffPageContext; recent: Contact[]; topics: Topic[] }) {
  const t = contactMessages[ctx.lang];
  const name = (code: string) => topics.find((x) => x.code === code)?.name ?? code;
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{t.recentTitle}</h2>
      <p>{t.recentHint(CORRECTION_MINUTES)}</p>
      {recent.length === 0 ? (
        <p>{t.recentNone}</p>
      ) : (
        <Table
          caption={t.recentTitle}
          captionSrOnly
          responsiveBreakpoint="md"
          columns={[{ header: t.colTime }, { header: t.colChannel }, { header: t.colTopic }, { header: t.colKind }, { header: t.colResolved }, { header: t.colActions }]}
          rows={recent.map((c) => [
            clock(c.createdAt),
            t.channel[c.channel],
            name(c.topic),
            t.kind[c.kind],
            t.resolved[c.resolved],
            <>
              <a href={paths.correct(c.id)}>
                {t.correct}
                <span class="sr-only">{` ${name(c.topic)} ${clock(c.createdAt)}`}</span>
              </a>{' '}
              <form method="post" action={paths.remove(c.id)} class="kanal-inline-form">
                <Csrf ctx={ctx} />
                <button type="submit" class="button button-tertiary">
                  {t.remove}
                  <span class="sr-only">{` ${name(c.topic)} ${clock(c.createdAt)}`}</span>
                </button>
              </form>
            </>,
          ])}
        />
      )}
    </section>
  );
}

export function RegisterPage({ ctx, topics, values, recent, notice, topicError }: RegisterPageProps) {
  const t = contactMessages[ctx.lang];
  const active = topics.filter((x) => x.active);
  const frequent = active.filter((x) => x.frequent);
  return (
    <ContactsLayout ctx={ctx} title={t.registerTitle}>
      <ErrorSummary title={t.errorTitle} errors={topicError ? [{ fieldId: 'topicText', message: topicError }] : []} />
      {notice && <Alert variant="success" text={notice} role />}
      <h1>{t.registerTitle}</h1>
      <p>{t.registerLead}</p>
      <form method="post" action={paths.register} novalidate>
        <Csrf ctx={ctx} />
        <Field id="topicText" label={t.topicLabel} hint={t.topicHint} error={topicError} required={false} optionalLabel={false}>
          {(control) => (
            <input
              type="text"
              class="form-input input-width-xl"
              name="topicText"
              id={control.id}
              list="topic-list"
              autocomplete="off"
              value={values.topicText}
              aria-describedby={control['aria-describedby']}
              aria-invalid={control['aria-invalid']}
            />
          )}
        </Field>
        <datalist id="topic-list">
          {active.map((x) => (
            <option value={x.name}>{x.kle}</option>
          ))}
        </datalist>
        {/* The first submit button is what Enter in the topic field presses. */}
        <Button variant="primary">{t.registerButton}</Button>
        <h2 class="h3">{t.frequentTopics}</h2>
        <ul class="kanal-topic-buttons">
          {frequent.map((x) => (
            <li>
              <button type="submit" class="button button-secondary" name="topic" value={x.code}>
                {x.name}
              </button>
            </li>
          ))}
        </ul>
        <RegistrationFields ctx={ctx} values={values} />
      </form>
      <RecentRegistrations ctx={ctx} recent={recent} topics={topics} />
    </ContactsLayout>
  );
}

