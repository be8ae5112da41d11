import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderLetterPdf } from './pdf.ts';
import type { CaseRecord, Letter } from './schema.ts';

const subject = { reference: '2026-004211', party: { kind: 'person', cpr: '0101901234', name: 'Anne Jensen' } } as CaseRecord;
const head = { municipality: 'Albertslund Kommune', department: 'Miljø og Teknik', address: 'Nordmarks Allé 1, 2620 Albertslund', phone: '43 68 68 68', email: 'kommunen@albertslund.dk' };
const decision: Letter = {
  id: 1,
  caseId: 1,
  timelineId: 1,
  kind: 'decision',
  subject: 'Afgørelse om carport',
  body: 'Du får afslag på din ansøgning om en carport.',
  decision: { result: 'refused', reasons: 'Carporten er højere end lokalplanen tillader (§ 7).', appealGuidance: 'Du kan klage til Planklagenævnet inden 4 uger. Klagen sendes via Klageportalen.' },
  channel: 'overview',
  senderName: 'Karin Sagsbehandler',
  sentAt: '2026-11-27T10:00:00.000Z',
  readAt: null,
};

test('a decision letter is a PDF with the IBM Plex Sans font embedded and the case in its title', async () => {
  const pdf = await renderLetterPdf(decision, subject, head);
  const text = pdf.toString('latin1');
  assert.equal(text.slice(0, 5), '%PDF-');
  assert.match(text, /\/BaseFont \/[A-Z]{6}\+IBMPlexSans\b/);
  assert.match(text, /\/BaseFont \/[A-Z]{6}\+IBMPlexSans-SemiBold/);
  assert.match(text, /\/Lang \(da-DK\)/);
  assert.ok(pdf.length > 5000);
  assert.ok(!text.includes('0101901234'), 'no CPR number in the letter');
  // The same letter renders to the same pages.
  const again = await renderLetterPdf(decision, subject, head);
  assert.equal(again.length, pdf.length);
});
