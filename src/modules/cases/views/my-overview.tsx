// "Mit overblik": a citizen's or business's own cases, letters and replies.
import { CitizenLayout, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, ErrorSummary, FileUpload, PageHeading, SummaryList, Table, Textarea } from '../../../platform/ui/components/index.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { casesMessages } from '../messages.ts';
import type { Attachment, CaseRecord, Letter, TimelineEntry } from '../schema.ts';
import { statusNames } from '../status.ts';
import { Timeline } from './timeline.tsx';
import { dayOf, formatDay, formatTime, myCasePath } from './format.ts';
import type { OverviewDraft } from '../../selfservice/index.ts';

export function MyOverviewPage({ ctx, cases, letters, drafts }: { ctx: PageContext; cases: CaseRecord[]; letters: Letter[]; drafts: OverviewDraft[] }) {
  const t = casesMessages[ctx.lang];
  const caseOf = (l: Letter) => cases.find((c) => c.id === l.caseId)!;
  return (
    <CitizenLayout ctx={ctx} title={t.myTitle}>
      <PageHeading>{t.myTitle}</PageHeading>
      <p class="font-lead">{t.myLead}</p>
      <h2>{t.myCases}</h2>
      {cases.length === 0 ? (
        <p>{t.noMyCases}</p>
      ) : (
        <Table
          caption={t.myCases}
          captionSrOnly
          responsiveBreakpoint="md"
          columns={[{ header: t.title }, { header: t.status }, { header: t.yourDeadline }, { header: t.reference }]}
          rows={cases.map((c) => [
            <a key="t" href={myCasePath(c.reference)}>{c.title}</a>,
            statusNames[c.status][ctx.lang],
            c.status === 'decided' || c.status === 'closed' ? '–' : c.deadlinePausedAt ? t.paused : formatDay(ctx.lang, c.deadline),
            c.reference,
          ])}
        />
      )}
      {drafts.length > 0 && (
        <>
          <h2>{t.myDrafts}</h2>
          <p>{t.myDraftsLead}</p>
          <Table
            caption={t.myDrafts}
            captionSrOnly
            responsiveBreakpoint="md"
            columns={[{ header: t.draftService }, { header: t.draftSaved }, { header: t.draftExpires }]}
            rows={drafts.map((d) => [
              <a key="t" href={d.href} aria-label={t.draftResume(d.title)}>{d.title}</a>,
              formatTime(ctx.lang, d.savedAt),
              formatDay(ctx.lang, dayOf(d.expiresAt)),
            ])}
          />
        </>
      )}
      <h2>{t.yourLetters}</h2>
      {letters.length === 0 ? (
        <p>–</p>
      ) : (
        <ul class="nobullet-list">
          {letters.map((l) => (
            <li key={l.id}>
              <a href={`${myCasePath(caseOf(l).reference)}/breve/${l.id}.pdf`}>{t.readLetter(l.subject)}</a> · {formatTime(ctx.lang, l.sentAt)}
              {l.readAt === null && <strong> · {t.unread}</strong>}
            </li>
          ))}
        </ul>
      )}
    </CitizenLayout>
  );
}

export type MyCasePageProps = {
  ctx: PageContext;
  csrfToken: string;
  subject: CaseRecord;
  timeline: TimelineEntry[];
  letters: Letter[];
  attachments: Attachment[];
  notice?: string | undefined;
  errors?: FieldProblem[] | undefined;
  reply?: string | undefined;
  /** Whether files can be attached (the storage is configured). */
  acceptsFiles: boolean;
};

export function MyCasePage({ ctx, csrfToken, subject, timeline, letters, attachments, notice, errors = [], reply, acceptsFiles }: MyCasePageProps) {
  const t = casesMessages[ctx.lang];
  const path = myCasePath(subject.reference);
  return (
    <CitizenLayout ctx={ctx} title={subject.title}>
      <ErrorSummary errors={errors.map((e) => ({ fieldId: 'reply', message: e.message }))} />
      <PageHeading caption={t.caseTitle(subject.reference)}>{subject.title}</PageHeading>
      {notice && <Alert variant="success" text={notice} />}
      <SummaryList
        rows={[
          { key: t.status, value: statusNames[subject.status][ctx.lang] },
          ...(subject.status === 'decided' || subject.status === 'closed' ? [] : [{ key: t.yourDeadline, value: subject.deadlinePausedAt ? t.paused : formatDay(ctx.lang, subject.deadline) }]),
          { key: t.received, value: formatTime(ctx.lang, subject.receivedAt) },
        ]}
      />
      {subject.status === 'closed' ? (
        <p>{t.caseClosed}</p>
      ) : (
        <>
          <h2>{t.reply}</h2>
          <form method="post" action={`${path}/svar`} enctype={acceptsFiles ? 'multipart/form-data' : undefined} novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <Textarea id="reply" name="text" label={t.replyLabel} hint={t.replyHint} value={reply} error={errors[0]?.message} rows={5} />
            {acceptsFiles && <FileUpload id="files" name="files" label={t.files} required={false} optionalLabel={false} multiple />}
            <Button>{t.sendReply}</Button>
          </form>
        </>
      )}
      <h2>{t.history}</h2>
      <Timeline
        lang={ctx.lang}
        entries={timeline}
        letters={letters}
        attachments={attachments.filter((a) => a.public)}
        audience="citizen"
        letterHref={(l) => `${path}/breve/${l.id}.pdf`}
        attachmentHref={(a) => `${path}/bilag/${a.id}`}
        departmentName={(id) => id}
      />
    </CitizenLayout>
  );
}
