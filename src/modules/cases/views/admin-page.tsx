// Admin: API keys for the case and document system, webhooks and their delivery log.
import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, Checkboxes, ErrorSummary, PageHeading, Table, TextInput } from '../../../platform/ui/components/index.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { casesMessages } from '../messages.ts';
import type { ApiKeyRow, DeliveryRow, WebhookRow } from '../store.ts';
import { formatTime } from './format.ts';

export type AdminPageProps = {
  ctx: PageContext;
  nav: NavItem[];
  csrfToken: string;
  departments: { id: string; name: string }[];
  keys: ApiKeyRow[];
  webhooks: WebhookRow[];
  deliveries: (DeliveryRow & { webhook_name: string })[];
  /** A key or secret shown once, right after it was made. */
  shownOnce?: { label: string; value: string } | undefined;
  errors?: FieldProblem[] | undefined;
};

export function AdminPage({ ctx, nav, csrfToken, departments, keys, webhooks, deliveries, shownOnce, errors = [] }: AdminPageProps) {
  const t = casesMessages[ctx.lang];
  const csrf = <input type="hidden" name="_csrf" value={csrfToken} />;
  const names = (ids: string[]) => (ids.length === 0 ? t.statusAll : ids.map((id) => departments.find((d) => d.id === id)?.name ?? id).join(', '));
  const departmentItems = departments.map((d) => ({ value: d.id, label: d.name }));
  return (
    <StaffLayout ctx={ctx} nav={nav} title={t.adminTitle}>
      <ErrorSummary errors={errors.map((e) => ({ fieldId: e.field, message: e.message }))} />
      <PageHeading>{t.adminTitle}</PageHeading>
      {shownOnce && (
        <Alert variant="success" heading={shownOnce.label}>
          <p class="alert-text">
            <code>{shownOnce.value}</code>
          </p>
        </Alert>
      )}
      <h2>{t.apiKeys}</h2>
      {keys.length > 0 && (
        <Table
          caption={t.apiKeys}
          captionSrOnly
          columns={[{ header: t.apiKeyName }, { header: t.departments }, { header: t.created }, { header: t.lastUsed }, { header: t.revoke, srOnlyHeader: true }]}
          rows={keys.map((k) => [
            `${k.name} (kanal_${k.key_prefix}_…)`,
            names(k.departments),
            formatTime(ctx.lang, k.created_at),
            k.last_used_at ? formatTime(ctx.lang, k.last_used_at) : '–',
            k.revoked_at ? (
              t.revoked
            ) : (
              <form key="f" method="post" action={`/admin/sager/api-noegler/${k.id}/spaer`}>
                {csrf}
                <Button variant="tertiary">
                  {t.revoke}
                  <span class="sr-only"> {k.name}</span>
                </Button>
              </form>
            ),
          ])}
        />
      )}
      <form method="post" action="/admin/sager/api-noegler" novalidate>
        {csrf}
        <TextInput id="name" name="name" label={t.apiKeyName} error={errors.find((e) => e.field === 'name')?.message} />
        <Checkboxes id="departments" name="departments" legend={t.departments} error={errors.find((e) => e.field === 'departments')?.message} items={departmentItems} />
        <Button>{t.createKey}</Button>
      </form>

      <h2>{t.webhooks}</h2>
      {webhooks.length > 0 && (
        <Table
          caption={t.webhooks}
          captionSrOnly
          columns={[{ header: t.apiKeyName }, { header: t.webhookUrl }, { header: t.departments }]}
          rows={webhooks.map((w) => [w.name, w.url, names(w.departments)])}
        />
      )}
      <form method="post" action="/admin/sager/webhooks" novalidate>
        {csrf}
        <TextInput id="webhook-name" name="name" label={t.apiKeyName} />
        <TextInput id="url" name="url" type="url" label={t.webhookUrl} error={errors.find((e) => e.field === 'url')?.message} />
        <Checkboxes id="webhook-departments" name="departments" legend={t.departments} required={false} items={departmentItems} />
        <Button>{t.createWebhook}</Button>
      </form>

      <h2>{t.deliveries}</h2>
      <Table
        caption={t.deliveries}
        captionSrOnly
        columns={[{ header: t.created }, { header: t.webhooks }, { header: t.event }, { header: t.state }, { header: t.attempts, numeric: true }, { header: t.lastStatus }]}
        rows={deliveries.map((d) => [formatTime(ctx.lang, d.created_at), d.webhook_name, d.event, d.state, String(d.attempts), d.last_status === null ? (d.last_error ?? '–') : String(d.last_status)])}
      />
    </StaffLayout>
  );
}
