import type { ErrorCode } from '../../http/errors.ts';
import { errorMessages } from '../../http/messages.ts';
import { CitizenLayout, type PageContext } from '../layout.tsx';

const frontPage = { da: 'Gå til forsiden', en: 'Go to the front page' };
const reference = { da: 'Fejlkode', en: 'Error reference' };

/** 403, 404, 500 and the other error pages. The request id lets support find the log line. */
export function ErrorPage({ ctx, code, requestId }: { ctx: PageContext; code: ErrorCode; requestId: string }) {
  const t = errorMessages[ctx.lang][code];
  return (
    <CitizenLayout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.body}</p>
      <p>
        <a href="/">{frontPage[ctx.lang]}</a>
      </p>
      <p class="form-hint">
        {reference[ctx.lang]}: <span>{requestId}</span>
      </p>
    </CitizenLayout>
  );
}
