import { CitizenLayout, type PageContext } from '../../../platform/ui/index.ts';
import { portalMessages } from '../messages.ts';

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const t = portalMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={t.accessibilityTitle}>
      <h1>{t.accessibilityTitle}</h1>
      <p class="font-lead">{t.accessibilityLead}</p>
      <p>{t.accessibilityBody}</p>
      <p>
        <a href={ctx.municipality.accessibilityStatementUrl}>{t.accessibilityStatementText}</a>
      </p>
      <p>{t.accessibilityProblem}</p>
    </CitizenLayout>
  );
}
