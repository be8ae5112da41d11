// The PDF receipt: reference, case number, time and the frozen answers as the citizen
// saw them. pdfkit's built-in Helvetica covers Danish letters (WinAnsi).
import { DateTime } from 'luxon';
import type { Lang } from '../../platform/i18n/index.ts';
import { selfServiceMessages } from './messages.ts';
import type { SubmissionRow } from './store.ts';

export async function receiptPdf(submission: SubmissionRow, serviceTitle: string, municipality: string, lang: Lang): Promise<Buffer> {
  // Loaded when the first PDF is made: pdfkit would add a quarter of a second to every start.
  const { default: PDFDocument } = await import('pdfkit');
  const t = selfServiceMessages[lang];
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${t.pdfTitle} ${submission.reference}`, Author: municipality }, lang: lang === 'da' ? 'da-DK' : 'en-GB', pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const sent = DateTime.fromISO(submission.submitted_at).setZone('Europe/Copenhagen').setLocale(lang === 'da' ? 'da' : 'en-GB').toFormat("d. MMMM yyyy 'kl.' HH.mm");
  doc.fontSize(10).fillColor('#444').text(municipality);
  doc.moveDown(0.5).fontSize(20).fillColor('#000').text(`${t.pdfTitle}: ${serviceTitle}`);
  doc.moveDown();
  doc.fontSize(12).text(`${t.referenceLabel}: ${submission.reference}`);
  doc.text(`${t.caseLabel}: ${submission.case_reference}`);
  doc.text(`${t.pdfSentAt}: ${sent}`);
  doc.moveDown().fontSize(14).text(t.pdfAnswers);
  let section = '';
  for (const row of submission.summary) {
    if (row.step !== section) {
      section = row.step;
      doc.moveDown(0.6).fontSize(12).font('Helvetica-Bold').text(section);
    }
    doc.moveDown(0.3).fontSize(10).font('Helvetica-Bold').text(row.question);
    doc.font('Helvetica').text(row.answer);
  }
  doc.end();
  return done;
}
