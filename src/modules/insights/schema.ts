// TypeBox schemas of the insights routes. Form fields arrive as text; the service checks them.
import Type from 'typebox';

const text = Type.Optional(Type.String({ maxLength: 200 }));

export const FiguresQuery = Type.Object({
  period: text,
  from: text,
  to: text,
  department: text,
  lang: text,
});

export const ChartParams = Type.Object({ chart: Type.String({ pattern: '^[a-z-]{1,20}$' }) });
export const ExportQuery = Type.Object({ table: Type.String({ pattern: '^[a-zA-Z]{1,30}$' }), period: text, from: text, to: text, department: text, lang: text });

export const PriceBody = Type.Object({ _csrf: text, item: text, fromYear: text, kroner: text });
export const GoalBody = Type.Object({ _csrf: text, metric: text, department: text, topic: text, kind: text, target: text, targetYear: text, active: text });
export const ReportBody = Type.Object({ _csrf: text, period: text, department: text });
export const CommentBody = Type.Object({ _csrf: text, comment: Type.Optional(Type.String({ maxLength: 20000 })) });

export const ReportParams = Type.Object({
  period: Type.String({ pattern: '^\\d{4}H[12]$' }),
  scope: Type.String({ pattern: '^[a-z-]{1,40}$' }),
});
export const ReportChartParams = Type.Object({
  period: Type.String({ pattern: '^\\d{4}H[12]$' }),
  scope: Type.String({ pattern: '^[a-z-]{1,40}$' }),
  chart: Type.String({ pattern: '^[a-z-]{1,20}$' }),
});
