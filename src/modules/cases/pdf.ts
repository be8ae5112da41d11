// Letters as PDF: a message or a decision (afgørelse) with its result, reasons and appeal
// guidance, in the design system's typeface (IBM Plex Sans, shipped with dkfds).
import path from 'node:path';
import { copenhagenDay } from '../../platform/calendar/index.ts';
import { dkfdsDist } from '../../platform/ui/assets.ts';
import type { CaseRecord, Decision, Letter } from './schema.ts';

const fontDir = path.join(dkfdsDist, 'fonts/IBMPlexSans/complete/ttf');
const REGULAR = path.join(fontDir, 'IBMPlexSans-Regular.ttf');
const BOLD = path.join(fontDir, 'IBMPlexSans-SemiBold.ttf');

export const resultNames: Record<Decision['result'], { da: string; en: string }> = {
  granted: { da: 'Du får medhold', en: 'Granted' },
  partly_granted: { da: 'Du får delvist medhold', en: 'Partly granted' },
  refused: { da: 'Du får afslag', en: 'Refused' },
};

export type LetterHead = { municipality: string; department: string; address: string; phone: string; email: string };

function danishDate(timestamp: string): string {
  const [y, m, d] = copenhagenDay(new Date(timestamp)).split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

/** Renders one letter; the PDF is made from the stored letter, so it is the same each time. */
export async function renderLetterPdf(letter: Letter, subject: CaseRecord, head: LetterHead): Promise<Buffer> {
  // Loaded when the first PDF is made: pdfkit would add a quarter of a second to every start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 64, right: 64 },
    info: { Title: `${letter.subject} (sag ${subject.reference})`, Author: head.municipality, Subject: letter.kind === 'decision' ? 'Afgørelse' : 'Brev', CreationDate: new Date(letter.sentAt) },
    lang: 'da-DK',
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
  });
  doc.registerFont('text', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(16).text(head.municipality);
  doc.font('text').fontSize(10).text(head.department).text(head.address).moveDown(2);
  doc.fontSize(11).text(subject.party.name);
  doc.moveDown(1.5);
  doc.fontSize(10).text(`Dato: ${danishDate(letter.sentAt)}`, { align: 'right' });
  doc.text(`Sagsnummer: ${subject.reference}`, { align: 'right' }).moveDown(2);

  doc.font('bold').fontSize(14).text(letter.subject).moveDown(0.8);
  if (letter.decision) {
    doc.font('bold').fontSize(11).text('Afgørelse').font('text').text(resultNames[letter.decision.result].da).moveDown(0.8);
  }
  doc.font('text').fontSize(11).text(letter.body, { lineGap: 2 }).moveDown(1);
  if (letter.decision) {
    if (letter.decision.reasons) {
      doc.font('bold').text('Begrundelse').font('text').text(letter.decision.reasons, { lineGap: 2 }).moveDown(1);
    }
    if (letter.decision.appealGuidance) {
      doc.font('bold').text('Klagevejledning').font('text').text(letter.decision.appealGuidance, { lineGap: 2 }).moveDown(1);
    }
  }
  doc.moveDown(1).text('Venlig hilsen').text(letter.senderName).text(head.department);
  doc.moveDown(2).fontSize(9).text(`Har du spørgsmål? Ring på ${head.phone}, skriv til ${head.email}, eller svar på sagen i Mit overblik. Oplys sagsnummer ${subject.reference}.`);
  doc.end();
  return done;
}
