import { Alert, Button, Checkboxes, ErrorSummary, Select, Table, TextInput } from '../../../platform/ui/components/index.ts';
import { contactMessages } from '../messages.ts';
import type { Topic } from '../schema.ts';
import type { TopicDraft, TopicProblem } from '../topics.ts';
import { ContactsLayout, Csrf, paths, type StaffPageContext } from './shared.tsx';

/** A configured department (KANAL_DEPARTMENTS): id and name. */
export interface DepartmentChoice {
  id: string;
  name: string;
}

export function TopicsPage({ ctx, topics, departments, notice }: { ctx: StaffPageContext; topics: Topic[]; departments: readonly DepartmentChoice[]; notice?: string | undefined }) {
  const t = contactMessages[ctx.lang];
  // A topic whose department is not configured here cannot be chosen; the list says why.
  const departmentText = (id: string) => departments.find((d) => d.id === id)?.name ?? `${id} (${t.departmentNotConfigured})`;
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  return (
    <ContactsLayout ctx={ctx} title={t.topicsTitle}>
      {notice && <Alert variant="success" text={notice} role />}
      <h1>{t.topicsTitle}</h1>
      <p>{t.topicsLead}</p>
      <p>
        <Button href={paths.newTopic} variant="primary">
          {t.addTopic}
        </Button>
      </p>
      <Table
        caption={t.topicsTitle}
        captionSrOnly
        responsiveBreakpoint="lg"
        columns={[{ header: t.colName }, { header: t.colCode }, { header: t.colKle }, { header: t.colDepartment }, { header: t.colHandledBy }, { header: t.colFrequent }, { header: t.colActive }, { header: t.colActions }]}
        rows={topics.map((x) => [
          x.name,
          x.code,
          x.kle,
          departmentText(x.department),
          x.handledBy ?? '',
          yesNo(x.frequent),
          yesNo(x.active),
          <a href={paths.topic(x.code)}>
            {t.edit}
            <span class="sr-only">{` ${x.name}`}</span>
          </a>,
        ])}
      />
    </ContactsLayout>
  );
}

export interface TopicFormProps {
  ctx: StaffPageContext;
  draft: TopicDraft;
  isNew: boolean;
  problems: { field: keyof TopicDraft; problem: TopicProblem }[];
  departments: readonly DepartmentChoice[];
}

export function TopicFormPage({ ctx, draft, isNew, problems, departments }: TopicFormProps) {
  const t = contactMessages[ctx.lang];
  const error = (field: keyof TopicDraft) => {
    const p = problems.find((x) => x.field === field);
    return p && t.topicProblem[p.problem];
  };
  const title = isNew ? t.topicTitleNew : t.topicTitleEdit;
  return (
    <ContactsLayout ctx={ctx} title={title}>
      <ErrorSummary title={t.errorTitle} errors={problems.map((p) => ({ fieldId: p.field, message: t.topicProblem[p.problem] }))} />
      <h1>{title}</h1>
      <form method="post" action={isNew ? paths.newTopic : paths.topic(draft.code)} novalidate>
        <Csrf ctx={ctx} />
        {isNew ? (
          <TextInput id="code" name="code" label={t.codeLabel} hint={t.codeHint} value={draft.code} error={error('code')} inputClass="input-width-m" spellcheck={false} />
        ) : (
          <p>
            <strong>{t.codeLabel}:</strong> {draft.code}
          </p>
        )}
        <TextInput id="name" name="name" label={t.nameLabel} value={draft.name} error={error('name')} />
        <TextInput id="kle" name="kle" label={t.kleLabel} hint={t.kleHint} value={draft.kle} error={error('kle')} inputClass="input-width-s" />
        <Select
          id="department"
          name="department"
          label={t.departmentLabel}
          value={draft.department}
          error={error('department')}
          options={[{ value: '', text: '' }, ...departments.map((d) => ({ value: d.id, text: d.name }))]}
        />
        <TextInput id="handledBy" name="handledBy" label={t.handledByLabel} hint={t.handledByHint} value={draft.handledBy} required={false} />
        <Checkboxes
          id="options"
          name="options"
          legend={t.optionsLegend}
          required={false}
          values={[draft.frequent && 'frequent', draft.active && 'active'].filter((v): v is string => typeof v === 'string')}
          items={[
            { value: 'frequent', label: t.frequentLabel },
            { value: 'active', label: t.activeLabel },
          ]}
        />
        <Button variant="primary">{t.save}</Button>
      </form>
    </ContactsLayout>
  );
}
