// The status report as PDF (pdfkit): the same tables as the HTML report, the trend as
// bars drawn with pdfkit's own shapes, and the department's comment.
import type { Lang } from '../../platform/i18n/index.ts';
import type { StoredReport } from './store.ts';
import { dashboardTables, formatCell, type DataTable } from './tables.ts';
import { explain } from './explanations.ts';
import { departmentName, messagesFor } from './messages.ts';

const MARGIN = 50;

function drawTable(doc: PDFKit.PDFDocument, table: DataTable, lang: Lang): void {
  const width = doc.page.width - 2 * MARGIN;
  const first = Math.min(190, width / 2.5);
  const rest = table.columns.length > 1 ? (width - first) / (table.columns.length - 1) : 0;
  const x = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
  const w = (i: number) => (i === 0 ? first : rest) - 4;
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: w(i) }))) + 4;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    cells.forEach((c, i) => doc.text(c, x(i), y, { width: w(i), align: i > 0 && table.columns[i]!.format !== 'text' ? 'right' : 'left' }));
    doc.y = y + height;
    doc.moveTo(MARGIN, doc.y - 2).lineTo(MARGIN + width, doc.y - 2).lineWidth(0.3).strokeColor('#999999').stroke();
  };
  if (doc.y > doc.page.height - 150) doc.addPage();
  doc.x = MARGIN;
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000000').text(table.title, MARGIN);
  doc.font('Helvetica').fontSize(7.5).fillColor('#444444').text(explain(table.id, lang).how, MARGIN, doc.y, { width }).fillColor('#000000').moveDown(0.4);
  row(table.columns.map((c) => c.header), true);
  for (const r of table.rows) row(r.map((v, i) => formatCell(v, table.columns[i]!.format, lang)), false);
  doc.x = MARGIN;
}

/** Bars for the digital share per year, with the goal as a line. */
function drawTrend(doc: PDFKit.PDFDocument, report: StoredReport): void {
  const trend = report.figures.trend.filter((y) => y.digitalShare !== null);
  if (trend.length === 0) return;
  const goal = report.figures.goals.find((g) => g.goal.metric === 'digital_share' && g.goal.department === null)?.goal.target;
  const height = 110;
  const barWidth = Math.min(40, (doc.page.width - 2 * MARGIN) / trend.length - 8);
  if (doc.y + height + 40 > doc.page.height - MARGIN) doc.addPage();
  const base = doc.y + height + 10;
  trend.forEach((y, i) => {
    const x = MARGIN + i * (barWidth + 8);
    const h = y.digitalShare! * height;
    doc.rect(x, base - h, barWidth, h).fillColor('#004993').fill();
    doc.fillColor('#000000').fontSize(7).text(`${Math.round(y.digitalShare! * 100)} %`, x, base - h - 10, { width: barWidth, align: 'center' });
    doc.text(String(y.year), x, base + 3, { width: barWidth, align: 'center' });
  });
  if (goal !== undefined) {
    const gy = base - goal * height;
    doc.moveTo(MARGIN, gy).lineTo(MARGIN + trend.length * (barWidth + 8), gy).dash(3, { space: 3 }).strokeColor('#b34700').stroke().undash();
  }
  doc.y = base + 16;
  doc.x = MARGIN;
}

export async function renderReportPdf(report: StoredReport, lang: Lang): Promise<Buffer> {
  // Loaded when the first PDF is made: pdfkit would add a quarter of a second to every start.
  const { default: PDFDocument } = await import('pdfkit');
  const m = messagesFor(lang);
  const f = report.figures;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: m.reports.heading(departmentName(m, report.department), report.period), Author: f.municipality }, lang: lang === 'da' ? 'da-DK' : 'en-GB' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(m.reports.heading(departmentName(m, report.department), report.period));
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text(`${f.municipality} · ${f.period.firstDay} – ${f.period.lastDay} · ${m.reports.generated(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC`);
  if (f.demo) doc.moveDown(0.5).font('Helvetica-Bold').fillColor('#b34700').fontSize(10).text(`${m.demo}: ${m.demoText(2011, f.trend.at(-1)?.year ?? 2015)}`);
  doc.fillColor('#000000').moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(m.reports.comment);
  doc.font('Helvetica').fontSize(10).text(report.comment ?? m.reports.noComment);
  const tables = dashboardTables(f, lang);
  const byId = (id: string) => tables.find((t) => t.id === id);
  for (const id of ['digitalShare', 'goals']) drawTable(doc, byId(id)!, lang);
  drawTable(doc, byId('trend')!, lang);
  drawTrend(doc, report);
  for (const id of ['channels', 'departments', 'services', 'topics', 'months']) {
    const t = byId(id);
    if (t) drawTable(doc, t, lang);
  }
  doc.end();
  return done;
}
