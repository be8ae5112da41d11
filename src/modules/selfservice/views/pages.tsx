// The citizen's pages of a self-service: start, steps, exits, "Tjek dine svar", receipt.
import type { ComponentChildren } from 'preact';
import { CitizenLayout, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, BackLink, Button, ButtonGroup, Checkboxes, DA_TEXTS, EN_TEXTS, ErrorSummary, Radios, StepCounter, StepIndicator, SummaryList, Textarea, TextInput } from '../../../platform/ui/components/index.ts';
import type { FieldError, RawForm } from '../fields.ts';
import { selfServiceMessages } from '../messages.ts';
import type { Exit, FileRef, ServiceDefinition, Step } from '../schema.ts';
import { FieldView } from './field-view.tsx';

export const paths = {
  catalogue: '/selvbetjening',
  service: (id: string) => `/selvbetjening/${id}`,
  start: (id: string) => `/selvbetjening/${id}/start`,
  counter: (id: string) => `/selvbetjening/${id}/skranke`,
  draft: (id: string, draft: string) => `/selvbetjening/${id}/${draft}`,
  step: (id: string, draft: string, step: string) => `/selvbetjening/${id}/${draft}/${step}`,
  exit: (id: string, draft: string, exit: string) => `/selvbetjening/${id}/${draft}/udgang/${exit}`,
  send: (id: string, draft: string) => `/selvbetjening/${id}/${draft}/send`,
  save: (id: string, draft: string) => `/selvbetjening/${id}/${draft}/gem`,
  receipt: (id: string, draft: string) => `/selvbetjening/${id}/${draft}/kvittering`,
  pdf: (id: string, draft: string) => `/selvbetjening/${id}/${draft}/kvittering.pdf`,
  resume: (draft: string, secret: string) => `/selvbetjening/fortsaet/${draft}/${secret}`,
  feedback: (id: string) => `/selvbetjening/${id}/tilfredshed`,
};

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

const texts = (ctx: PageContext) => (ctx.lang === 'da' ? DA_TEXTS : EN_TEXTS);

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  );
}

export interface StartPageProps {
  ctx: PageContext;
  def: ServiceDefinition;
  csrf: string;
  /** One button per kind of login the service takes. */
  loginUrls: { kind: 'citizen' | 'business'; href: string }[];
  needsLogin: boolean;
  drafts: { href: string; saved: string }[];
  /** A front-desk employee: the form asks for the citizen's CPR number and a reason. */
  assisted: boolean;
  errors: FieldError[];
  raw: RawForm;
}

export function StartPage({ ctx, def, csrf, loginUrls, needsLogin, drafts, assisted, errors, raw }: StartPageProps) {
  const t = selfServiceMessages[ctx.lang];
  const title = def.title[ctx.lang];
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <CitizenLayout ctx={ctx} title={errors.length > 0 ? `${t.errorTitle}: ${title}` : title}>
      <BackLink href={paths.catalogue} texts={texts(ctx)}>
        {t.catalogueTitle}
      </BackLink>
      <ErrorSummary title={t.errorTitle} errors={errors.map((e) => ({ fieldId: e.target, message: e.message }))} texts={texts(ctx)} />
      <h1>{title}</h1>
      <p class="font-lead">{def.description[ctx.lang]}</p>
      <h2>{t.whoMayUse}</h2>
      <ul>
        {def.audience.map((a) => (
          <li key={a}>{t.audience[a]}</li>
        ))}
      </ul>
      <p>{t.deadline(def.caseDeadlineDays)}</p>
      {drafts.length > 0 && (
        <Alert variant="info" heading={t.continueDraft} headingLevel={2} role={false}>
          <ul class="nobullet-list">
            {drafts.map((d) => (
              <li key={d.href}>
                <a href={d.href}>{t.draftSaved(d.saved)}</a>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {needsLogin ? (
        <>
          <p>{t.loginFirst}</p>
          {loginUrls.map(({ kind, href }, i) => (
            <Button key={kind} variant={i === 0 ? 'primary' : 'secondary'} href={href}>
              {loginUrls.length === 1 ? t.logIn : kind === 'citizen' ? t.logInCitizen : t.logInBusiness}
            </Button>
          ))}
        </>
      ) : (
        <form method="post" action={paths.start(def.id)} novalidate>
          <Csrf token={csrf} />
          {assisted && (
            <>
              <Alert variant="info" text={t.assistedBanner} role={false} />
              <TextInput id="cpr" name="cpr" label={t.assistedCpr} value={one(raw.cpr)} error={errorFor('cpr')} inputmode="numeric" inputClass="input-width-s" autocomplete="off" texts={texts(ctx)} />
              <TextInput id="purpose" name="purpose" label={t.assistedPurpose} hint={t.assistedHint} value={one(raw.purpose)} error={errorFor('purpose')} texts={texts(ctx)} />
            </>
          )}
          <Button variant="primary" icon="arrow-forward">
            {assisted ? t.assistedStart : t.startNow}
          </Button>
        </form>
      )}
      {assisted && !needsLogin && (
        <form method="post" action={paths.counter(def.id)} novalidate>
          <Csrf token={csrf} />
          <h2>{t.counterTitle}</h2>
          <p>{t.counterLead}</p>
          <Button variant="secondary">{t.counterStart}</Button>
        </form>
      )}
      <h2>{t.alternative}</h2>
      <p>{def.alternative[ctx.lang]}</p>
    </CitizenLayout>
  );
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface StepPageProps {
  ctx: PageContext;
  def: ServiceDefinition;
  draftId: string;
  step: Step;
  steps: Step[];
  doneSteps: Set<string>;
  raw: RawForm;
  errors: FieldError[];
  files: Record<string, FileRef[]>;
  backHref: string;
  csrf: string;
  notice?: string | undefined;
  returnToCheck: boolean;
  assisted: boolean;
}

function Steps({ ctx, def, draftId, steps, current, doneSteps }: { ctx: PageContext; def: ServiceDefinition; draftId: string; steps: Step[]; current: string; doneSteps: Set<string> }) {
  const t = selfServiceMessages[ctx.lang];
  const all = [...steps.map((s) => ({ id: s.id, title: s.title[ctx.lang] })), { id: 'tjek', title: t.checkTitle }];
  const index = all.findIndex((s) => s.id === current);
  return (
    <>
      <StepIndicator
        texts={texts(ctx)}
        steps={all.map((s, i) => ({
          title: s.title,
          current: s.id === current,
          state: doneSteps.has(s.id) && s.id !== current ? 'success' : 'number',
          href: (doneSteps.has(s.id) || i <= index) && s.id !== current ? paths.step(def.id, draftId, s.id) : undefined,
        }))}
      />
      <StepCounter current={index + 1} total={all.length} texts={texts(ctx)} />
    </>
  );
}

export function StepPage(props: StepPageProps) {
  const { ctx, def, step, raw, errors, files } = props;
  const t = selfServiceMessages[ctx.lang];
  const multipart = step.fields.some((f) => f.type === 'file');
  const action = paths.step(def.id, props.draftId, step.id) + (props.returnToCheck ? '?retur=tjek' : '');
  return (
    <CitizenLayout ctx={ctx} title={`${errors.length > 0 ? `${t.errorTitle}: ` : ''}${step.title[ctx.lang]} – ${def.title[ctx.lang]}`}>
      <BackLink href={props.backHref} texts={texts(ctx)}>
        {t.back}
      </BackLink>
      {props.assisted && <Alert variant="info" text={t.assistedBanner} />}
      <ErrorSummary title={t.errorTitle} errors={errors.map((e) => ({ fieldId: e.target, message: e.message }))} texts={texts(ctx)} />
      {props.notice && <Alert variant="warning" text={props.notice} role={false} />}
      <Steps ctx={ctx} def={def} draftId={props.draftId} steps={props.steps} current={step.id} doneSteps={props.doneSteps} />
      <h1>
        <span class="subheading d-block">{def.title[ctx.lang]}</span>
        {step.title[ctx.lang]}
      </h1>
      {step.intro && <Paragraphs text={step.intro[ctx.lang]} />}
      <form method="post" action={action} novalidate enctype={multipart ? 'multipart/form-data' : undefined}>
        <Csrf token={props.csrf} />
        {step.fields.map((field) => (
          <FieldView key={field.id} field={field} raw={raw} errors={errors} files={files} lang={ctx.lang} />
        ))}
        <ButtonGroup>
          <Button variant="primary" name="_action" value="next">
            {t.next}
          </Button>
          <Button variant="secondary" name="_action" value="save">
            {t.saveLater}
          </Button>
        </ButtonGroup>
      </form>
    </CitizenLayout>
  );
}

export function CheckPage(props: {
  ctx: PageContext;
  def: ServiceDefinition;
  draftId: string;
  steps: Step[];
  rows: { stepId: string; question: string; answer: string; step: string }[];
  csrf: string;
  error?: string | undefined;
  notice?: string | undefined;
}) {
  const { ctx, def } = props;
  const t = selfServiceMessages[ctx.lang];
  const bySection = new Map<string, typeof props.rows>();
  for (const row of props.rows) bySection.set(row.step, [...(bySection.get(row.step) ?? []), row]);
  const done = new Set(props.steps.map((s) => s.id));
  return (
    <CitizenLayout ctx={ctx} title={`${props.error ? `${t.errorTitle}: ` : ''}${t.checkTitle} – ${def.title[ctx.lang]}`}>
      <BackLink href={paths.step(def.id, props.draftId, props.steps.at(-1)!.id)} texts={texts(ctx)}>
        {t.back}
      </BackLink>
      <ErrorSummary title={t.errorTitle} errors={props.error ? [{ fieldId: 'declaration-option1', message: props.error }] : []} texts={texts(ctx)} />
      {props.notice && <Alert variant="warning" text={props.notice} role={false} />}
      <Steps ctx={ctx} def={def} draftId={props.draftId} steps={props.steps} current="tjek" doneSteps={done} />
      <h1>
        <span class="subheading d-block">{def.title[ctx.lang]}</span>
        {t.checkTitle}
      </h1>
      <p>{t.checkLead}</p>
      {[...bySection.entries()].map(([section, rows]) => (
        <SummaryList
          key={section}
          caption={section}
          responsiveBreakpoint="md"
          class="kanal-answers"
          texts={texts(ctx)}
          rows={rows.map((r) => ({ key: r.question, value: <MultiLine text={r.answer} />, href: `${paths.step(def.id, props.draftId, r.stepId)}?retur=tjek` }))}
        />
      ))}
      <form method="post" action={paths.send(def.id, props.draftId)} novalidate>
        <Csrf token={props.csrf} />
        <h2>{t.declarationTitle}</h2>
        <p>{def.declaration[ctx.lang]}</p>
        <Checkboxes id="declaration" name="declaration" legend={t.declarationTitle} error={props.error} items={[{ value: 'yes', label: t.declarationAgree }]} texts={texts(ctx)} />
        <Button variant="primary">{t.send}</Button>
      </form>
    </CitizenLayout>
  );
}

function MultiLine({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i === 0 ? l : [<br key={i} />, l]))}</>;
}

export function SatisfactionForm({ ctx, serviceId, csrf, thanks }: { ctx: PageContext; serviceId: string; csrf: string; thanks: boolean }) {
  const t = selfServiceMessages[ctx.lang];
  if (thanks) return <Alert variant="success" text={t.satisfactionThanks} role={false} />;
  return (
    <form method="post" action={paths.feedback(serviceId)} novalidate class="kanal-satisfaction">
      <Csrf token={csrf} />
      <h2>{t.satisfactionTitle}</h2>
      <Radios id="rating" name="rating" legend={t.satisfactionLegend} required={false} items={t.satisfactionScale.map((label, i) => ({ value: String(i + 1), label: `${i + 1} – ${label}` }))} texts={texts(ctx)} />
      <Textarea id="comment" name="comment" label={t.satisfactionComment} required={false} characterLimit={1000} rows={3} texts={texts(ctx)} />
      <input type="hidden" name="back" value={ctx.path} />
      <Button variant="secondary">{t.satisfactionSend}</Button>
    </form>
  );
}

export function ExitPage({ ctx, def, exit, backHref, csrf, thanks }: { ctx: PageContext; def: ServiceDefinition; exit: Exit; backHref: string; csrf: string; thanks: boolean }) {
  const t = selfServiceMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={`${exit.title[ctx.lang]} – ${def.title[ctx.lang]}`}>
      <BackLink href={backHref} texts={texts(ctx)}>
        {t.changeAnswer}
      </BackLink>
      <h1>
        <span class="subheading d-block">{def.title[ctx.lang]}</span>
        {exit.title[ctx.lang]}
      </h1>
      <p class="font-lead">{exit.reason[ctx.lang]}</p>
      <h2>{t.exitInstead}</h2>
      <Paragraphs text={exit.instead[ctx.lang]} />
      {exit.link && (
        <p>
          <a href={exit.link.href}>{exit.link.text[ctx.lang]}</a>
        </p>
      )}
      <SatisfactionForm ctx={ctx} serviceId={def.id} csrf={csrf} thanks={thanks} />
    </CitizenLayout>
  );
}

export function ReceiptPage(props: { ctx: PageContext; def: ServiceDefinition; reference: string; caseReference: string; waitingList: boolean; pdfHref: string; csrf: string; thanks: boolean; replayed: boolean }) {
  const { ctx, def } = props;
  const t = selfServiceMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={`${t.receiptTitle} – ${def.title[ctx.lang]}`}>
      {props.replayed && <Alert variant="info" text={t.alreadySent} role={false} />}
      <div class="alert alert-success kanal-receipt">
        <div class="alert-body">
          <h1 class="alert-heading">{t.receiptTitle}</h1>
          <p class="alert-text">
            {t.referenceLabel}: <strong>{props.reference}</strong>
            <br />
            {t.caseLabel}: {props.caseReference}
          </p>
        </div>
      </div>
      {props.waitingList && (
        <Alert variant="warning" heading={t.waitingList} headingLevel={2} role={false} text={def.waitingListText?.[ctx.lang]} />
      )}
      <Paragraphs text={def.receipt[ctx.lang]} />
      <h2>{t.whatNext}</h2>
      <Paragraphs text={def.nextSteps[ctx.lang]} />
      <p>
        <a href={props.pdfHref}>{t.pdfReceipt}</a>
      </p>
      <SatisfactionForm ctx={ctx} serviceId={def.id} csrf={props.csrf} thanks={props.thanks} />
    </CitizenLayout>
  );
}

export function MessagePage({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <CitizenLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {children}
    </CitizenLayout>
  );
}

/** A draft that belongs to another login (or to a login that has ended): nothing of it is shown. */
export function NotYoursPage({ ctx, loginHref }: { ctx: PageContext; loginHref: string }) {
  const t = selfServiceMessages[ctx.lang];
  return (
    <MessagePage ctx={ctx} title={t.draftNotYours}>
      <p>{t.draftNotYoursLead}</p>
      <Button href={loginHref}>{t.logIn}</Button>
    </MessagePage>
  );
}

export function ResumePage({ ctx, def, link, expires, continueHref, loggedIn }: { ctx: PageContext; def: ServiceDefinition; link: string; expires: string; continueHref: string; loggedIn: boolean }) {
  const t = selfServiceMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={`${t.resumeTitle} – ${def.title[ctx.lang]}`}>
      <h1>
        <span class="subheading d-block">{def.title[ctx.lang]}</span>
        {t.resumeTitle}
      </h1>
      <p class="font-lead">{t.resumeLead}</p>
      {loggedIn && <p>{t.resumeLoggedIn}</p>}
      <h2>{t.resumeLink}</h2>
      <p class="kanal-resume-link">
        <a href={link}>{link}</a>
      </p>
      <p>{t.resumeExpires(expires)}</p>
      <Alert variant="warning" text={t.resumeWarning} role={false} />
      <Button variant="secondary" href={continueHref}>
        {t.resumeBack}
      </Button>
    </CitizenLayout>
  );
}
