import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, Checkboxes, ErrorSummary, PageHeading, Radios, Select, SummaryList, Table, TextInput, Textarea } from '../../../platform/ui/components/index.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { casesMessages } from '../messages.ts';
import type { Attachment, CaseRecord, Letter, TimelineEntry } from '../schema.ts';
import { staffStatusNames, type Transition } from '../status.ts';
import type { DeadlineState } from '../deadline.ts';
import { Timeline } from './timeline.tsx';
import { casePath, formatDay, formatTime } from './format.ts';

export type CasePageProps = {
  ctx: PageContext;
  nav: NavItem[];
  csrfToken: string;
  subject: CaseRecord;
  deadlineState: DeadlineState;
  timeline: TimelineEntry[];
  letters: Letter[];
  attachments: Attachment[];
  moves: Transition[];
  canTransfer: boolean;
  canDecide: boolean;
  departments: { id: string; name: string }[];
  viewerId: string;
  notice?: string | undefined;
  errors?: FieldProblem[] | undefined;
  /** Values of the form that failed, to fill it again. */
  values?: Record<string, string> | undefined;
};

const fieldIds: Record<string, string> = {
  text: 'note-text',
  subject: 'message-subject',
  body: 'message-body',
  reason: 'transfer-reason',
  result: 'decision-result',
  reasons: 'decision-reasons',
  appealGuidance: 'decision-appeal',
};

export function CasePage(props: CasePageProps) {
  const { ctx, nav, csrfToken, subject, timeline, letters, attachments, moves, departments, notice, errors = [], values = {} } = props;
  const t = casesMessages[ctx.lang];
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const path = casePath(subject.reference);
  const csrf = <input type="hidden" name="_csrf" value={csrfToken} />;
  const party = subject.party.kind === 'business' ? `${subject.party.name} (CVR ${subject.party.cvr})` : subject.party.name;
  return (
    <StaffLayout ctx={ctx} nav={nav} title={t.caseTitle(subject.reference)}>
      <ErrorSummary errors={errors.map((e) => ({ fieldId: fieldIds[e.field] ?? e.field, message: e.message }))} />
      <PageHeading caption={t.caseTitle(subject.reference)}>{subject.title}</PageHeading>
      {notice && <Alert variant="success" text={notice} />}
      <SummaryList
        caption={t.caseFacts}
        rows={[
          { key: t.party, value: party },
          { key: t.status, value: staffStatusNames[subject.status][ctx.lang] },
          { key: t.deadline, value: `${formatDay(ctx.lang, subject.deadline)}${props.deadlineState !== 'on_time' && props.deadlineState !== 'none' ? ` (${t.deadlineStates[props.deadlineState]})` : ''}` },
          { key: t.assignee, value: subject.assignee?.name ?? t.unassigned },
          { key: t.department, value: departmentName(subject.department) },
          { key: t.service, value: subject.service },
          { key: t.kle, value: subject.kleAction ? `${subject.kle} ${subject.kleAction}` : subject.kle },
          { key: t.received, value: formatTime(ctx.lang, subject.receivedAt) },
          { key: t.transfers, value: String(subject.transferCount) },
        ]}
      />

      <h2>{t.submission}</h2>
      {subject.submission.sections.map((section, i) => (
        <SummaryList key={i} caption={section.title} rows={section.answers.map((a) => ({ key: a.label, value: a.value }))} />
      ))}

      <h2>{t.attachments}</h2>
      {attachments.length === 0 ? (
        <p>{t.noAttachments}</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={`${path}/bilag/${a.id}`}>{t.download(a.filename)}</a>
            </li>
          ))}
        </ul>
      )}

      <h2>{t.reassign}</h2>
      <form method="post" action={`${path}/fordel`}>
        {csrf}
        {subject.assignee?.id === props.viewerId ? (
          <Button variant="secondary" name="assignTo" value="nobody">{t.release}</Button>
        ) : (
          <Button variant="secondary" name="assignTo" value="me">{t.assignMe}</Button>
        )}
      </form>

      <h2>{t.changeStatus}</h2>
      {moves.length === 0 ? (
        <p>{t.noMoves}</p>
      ) : (
        <form method="post" action={`${path}/status`} novalidate>
          {csrf}
          <Radios
            id="status-to"
            name="to"
            legend={t.newStatus}
            items={moves.map((m) => ({ value: m.to, label: staffStatusNames[m.to][ctx.lang], hint: m.citizenText ? t.citizenTold(m.citizenText[ctx.lang]) : t.citizenNotTold }))}
          />
          <TextInput id="status-reason" name="reason" label={t.reason} required={false} />
          <Button>{t.changeStatus}</Button>
        </form>
      )}

      <h2>{t.writeToCitizen}</h2>
      <form method="post" action={`${path}/besked`} novalidate>
        {csrf}
        <TextInput id="message-subject" name="subject" label={t.subject} value={values.subject} error={errorOf('subject')} />
        <Textarea id="message-body" name="body" label={t.body} value={values.body} error={errorOf('body')} rows={6} />
        <Checkboxes id="message-ask" name="askForReply" legend={t.askForReply} required={false} optionalLabel={false} items={[{ value: '1', label: t.askForReply }]} />
        <Button>{t.send}</Button>
      </form>

      {props.canDecide && (
        <>
          <h2>{t.decision}</h2>
          <form method="post" action={`${path}/afgoerelse`} novalidate>
            {csrf}
            <TextInput id="decision-subject" name="subject" label={t.subject} value={values.decisionSubject ?? `Afgørelse: ${subject.title}`} />
            <Radios
              id="decision-result"
              name="result"
              legend={t.result}
              value={values.result}
              error={errorOf('result')}
              items={(['granted', 'partly_granted', 'refused'] as const).map((r) => ({ value: r, label: t.results[r] }))}
            />
            <Textarea id="decision-body" name="body" label={t.body} value={values.decisionBody} rows={6} />
            <Textarea id="decision-reasons" name="reasons" label={t.reasons} hint={t.reasonsHint} value={values.reasons} error={errorOf('reasons')} required={false} rows={6} />
            <Textarea id="decision-appeal" name="appealGuidance" label={t.appealGuidance} hint={t.appealHint} value={values.appealGuidance ?? t.defaultAppeal} error={errorOf('appealGuidance')} required={false} rows={4} />
            <Button>{t.sendDecision}</Button>
          </form>
        </>
      )}

      <h2>{t.addNote}</h2>
      <form method="post" action={`${path}/notat`} novalidate>
        {csrf}
        <Textarea id="note-text" name="text" label={t.noteLabel} value={values.text} error={errorOf('text')} rows={3} />
        <Button variant="secondary">{t.addNote}</Button>
      </form>

      {props.canTransfer && (
        <>
          <h2>{t.transfer}</h2>
          <form method="post" action={`${path}/flyt`} novalidate>
            {csrf}
            <Select id="transfer-to" name="to" label={t.transferTo} options={departments.filter((d) => d.id !== subject.department).map((d) => ({ value: d.id, text: d.name }))} />
            <TextInput id="transfer-reason" name="reason" label={t.transferReason} hint={t.transferHint} value={values.reason} error={errorOf('reason')} />
            <Button variant="secondary">{t.transfer}</Button>
          </form>
        </>
      )}

      <h2>{t.letters}</h2>
      {letters.length > 0 && (
        <Table
          caption={t.letters}
          captionSrOnly
          columns={[{ header: t.subject }, { header: t.received }]}
          rows={letters.map((l) => [<a key="l" href={`${path}/breve/${l.id}.pdf`}>{t.letterPdf(l.subject)}</a>, formatTime(ctx.lang, l.sentAt)])}
        />
      )}

      <h2>{t.timeline}</h2>
      <Timeline
        lang={ctx.lang}
        entries={timeline}
        letters={letters}
        attachments={attachments}
        audience="staff"
        letterHref={(l) => `${path}/breve/${l.id}.pdf`}
        attachmentHref={(a) => `${path}/bilag/${a.id}`}
        departmentName={departmentName}
      />
    </StaffLayout>
  );
}
