// Charts as server-rendered SVG (ECharts' SSR renderer), served as separate image
// responses beside their data tables: no inline style ever reaches an HTML page.
import type * as echarts from 'echarts';
import type { Lang } from '../../platform/i18n/index.ts';
import { isDigital } from './kpi.ts';
import type { Dashboard } from './figures.ts';
import { messagesFor } from './messages.ts';
import { channels } from '../contacts/index.ts';

export const chartIds = ['mix', 'cost', 'take-up', 'trend'] as const;
export type ChartId = (typeof chartIds)[number];
export const isChartId = (v: unknown): v is ChartId => typeof v === 'string' && (chartIds as readonly string[]).includes(v);

// DKFDS colours: digital channels in blues, the others in warm tones (readable in grey too).
const palette = ['#004993', '#0059b3', '#3f79c1', '#7aa1d6', '#a9c4e8', '#cddcf2', '#b34700', '#d98c00', '#6c4f3d'];
const font = { fontFamily: 'IBM Plex Sans, Arial, sans-serif', fontSize: 12, color: '#1a1a1a' };

async function render(option: echarts.EChartsCoreOption, width = 720, height = 360): Promise<string> {
  // Loaded when the first chart is drawn: echarts would add more than half a second to every start.
  const { init } = await import('echarts');
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: font, color: palette, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Renders one chart of a dashboard; undefined when the chart has nothing to show in this scope. */
export async function renderChart(id: ChartId, d: Dashboard, lang: Lang): Promise<string | undefined> {
  const m = messagesFor(lang);
  const grid = { left: 70, right: 20, top: 50, bottom: 60 };
  const legend = { top: 5, textStyle: font, type: 'scroll' };
  switch (id) {
    case 'mix': {
      const shown = channels.filter((c) => d.months.some((mo) => (mo.byChannel[c] ?? 0) > 0));
      return render({
        grid,
        legend,
        xAxis: { type: 'category', data: d.months.map((mo) => mo.month) },
        yAxis: { type: 'value' },
        // Digital channels stacked at the bottom, so the digital part reads as one block.
        series: [...shown.filter(isDigital), ...shown.filter((c) => !isDigital(c))].map((c) => ({ type: 'bar', stack: 'all', name: m.channels[c], data: d.months.map((mo) => mo.byChannel[c] ?? 0) })),
      });
    }
    case 'cost': {
      const priced = d.channels.filter((c) => c.costOre !== null && c.inbound > 0);
      return render({
        grid,
        xAxis: { type: 'category', data: priced.map((c) => m.channels[c.channel]) },
        yAxis: { type: 'value', name: 'kr.' },
        series: [{ type: 'bar', data: priced.map((c) => Math.round(c.costOre! / 100)), label: { show: true, position: 'top' } }],
      });
    }
    case 'take-up': {
      if (!d.services) return undefined;
      const services = d.services.services;
      return render(
        {
          grid: { ...grid, left: 150 },
          xAxis: { type: 'value', max: 100, name: '%' },
          yAxis: { type: 'category', data: services.map((s) => s.service) },
          series: [
            {
              type: 'bar',
              data: services.map((s) => pct(s.takeUp)),
              label: { show: true, position: 'right' },
              markLine: { symbol: 'none', data: [{ xAxis: 80, name: '80 %' }], label: { formatter: '80 %' }, lineStyle: { color: '#b34700', type: 'dashed' } },
            },
          ],
        },
        720,
        Math.max(200, 60 + services.length * 36),
      );
    }
    case 'trend': {
      const goal = d.goals.find((g) => g.goal.metric === 'digital_share' && g.goal.department === null);
      return render({
        grid,
        legend,
        xAxis: { type: 'category', data: d.trend.map((y) => String(y.year)) },
        yAxis: { type: 'value', max: 100, name: '%' },
        series: [
          { type: 'line', name: m.metrics.digital_share, data: d.trend.map((y) => pct(y.digitalShare)), label: { show: true } },
          { type: 'line', name: m.metrics.digital_post_share, data: d.trend.map((y) => pct(y.digitalPostShare)) },
          ...(goal ? [{ type: 'line', name: `${m.goals.target} ${pct(goal.goal.target)} %`, data: d.trend.map(() => pct(goal.goal.target)), symbol: 'none', lineStyle: { type: 'dashed' } }] : []),
        ],
      });
    }
  }
}

export function chartAlt(id: ChartId, periodLabel: string, lang: Lang): string {
  const a = messagesFor(lang).chartAlt;
  return id === 'mix' ? a.mix(periodLabel) : id === 'cost' ? a.cost(periodLabel) : id === 'take-up' ? a.takeUp(periodLabel) : a.trend;
}

/** Which table each chart stands beside. */
export const chartTable: Record<ChartId, string> = { mix: 'months', cost: 'channels', 'take-up': 'services', trend: 'trend' };
