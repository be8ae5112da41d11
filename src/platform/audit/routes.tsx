// The data-protection officer's pages: search the audit log, export it as CSV.
import type { AppContext, KanalApp } from '../module.ts';
import { pageContext } from '../ui/index.ts';
import type { StaffIdentity } from '../auth/identity.ts';
import { parseSearchForm, searchFormBody } from './search-form.ts';
import { auditCsv, searchAuditLog } from './service.ts';
import { AuditPage } from './views/audit-page.tsx';

export const auditPaths = { page: '/medarbejder/adgangslog', csv: '/medarbejder/adgangslog/csv' } as const;

const dpoOnly = { access: { roles: ['dpo'] } } as const;

export function registerAuditRoutes(app: KanalApp, ctx: AppContext): void {
  const { config, db } = ctx;
  const page = (request: Parameters<typeof pageContext>[0], props: Omit<Parameters<typeof AuditPage>[0], 'ctx' | 'identity' | 'action' | 'exportAction'>) => (
    <AuditPage ctx={pageContext(request, config)} identity={request.identity as StaffIdentity} action={auditPaths.page} exportAction={auditPaths.csv} {...props} />
  );

  app.get(auditPaths.page, { config: dpoOnly, schema: { hide: true } }, async (request, reply) => reply.page(page(request, { values: {}, problems: [], rows: undefined })));

  app.post(auditPaths.page, { config: dpoOnly, schema: { hide: true, body: searchFormBody } }, async (request, reply) => {
    const form = parseSearchForm(request.body, request.lang);
    if (!form.ok) return reply.page(page(request, { values: request.body, problems: form.problems, rows: undefined }), 400);
    const who = { actor: request.identity!, requestId: request.id, purpose: form.purpose };
    const rows = await db.transaction().execute((trx) => searchAuditLog(trx, who, form.search, 'view'));
    return reply.page(page(request, { values: request.body, problems: [], rows }));
  });

  app.post(auditPaths.csv, { config: dpoOnly, schema: { hide: true, body: searchFormBody } }, async (request, reply) => {
    const form = parseSearchForm(request.body, request.lang);
    if (!form.ok) return reply.page(page(request, { values: request.body, problems: form.problems, rows: undefined }), 400);
    const who = { actor: request.identity!, requestId: request.id, purpose: form.purpose };
    const rows = await db.transaction().execute((trx) => searchAuditLog(trx, who, form.search, 'export'));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="adgangslog-${new Date().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .send(auditCsv(rows));
  });
}
