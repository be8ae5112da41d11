// The one letters interface: every letter to a citizen or business goes through sendLetter.
// Today a letter lands in "Mit overblik" and the party gets a notification; Digital Post
// becomes another channel here later.
import type { LocalizedName } from '../../platform/calendar/index.ts';
import { now, json, type Trx } from '../../platform/db/index.ts';
import { validationFailed, type FieldProblem } from '../../platform/http/errors.ts';
import * as store from './store.ts';
import type { Actor, CaseRecord, Decision } from './schema.ts';
import { notifyParty } from './outbox.ts';

export type OutgoingLetter =
  | { kind: 'message'; subject: string; body: string }
  | { kind: 'decision'; subject: string; body: string; decision: Decision };

export const decisionResults: readonly Decision['result'][] = ['granted', 'partly_granted', 'refused'];

/**
 * Forvaltningsloven § 22 and § 25: reasons and appeal guidance may be left out only when the
 * decision gives the party full success ("fuldt ud medhold"); otherwise both are required.
 */
export function letterProblems(letter: OutgoingLetter): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (letter.subject.trim() === '') problems.push({ field: 'subject', message: 'Skriv en overskrift.' });
  if (letter.body.trim() === '') problems.push({ field: 'body', message: 'Skriv brevets tekst.' });
  if (letter.kind === 'decision') {
    const { result, reasons, appealGuidance } = letter.decision;
    if (!decisionResults.includes(result)) problems.push({ field: 'result', message: 'Vælg afgørelsens resultat.' });
    else if (result !== 'granted') {
      if (reasons.trim() === '') problems.push({ field: 'reasons', message: 'Skriv begrundelsen: de regler og fakta afgørelsen bygger på (forvaltningsloven §§ 22-24).' });
      if (appealGuidance.trim() === '') problems.push({ field: 'appealGuidance', message: 'Skriv klagevejledningen: hvor, hvordan og hvornår man kan klage (forvaltningsloven § 25).' });
    }
  }
  return problems;
}

export const letterNews: Record<OutgoingLetter['kind'], LocalizedName> = {
  message: { da: 'Du har fået en besked om din sag.', en: 'You have a message about your case.' },
  decision: { da: 'Du har fået en afgørelse i din sag.', en: 'You have a decision on your case.' },
};

/** Sends a letter about a case: on the public timeline, into "Mit overblik", and a notification. */
export async function sendLetter(trx: Trx, subject: CaseRecord, letter: OutgoingLetter, sender: Actor): Promise<number> {
  const problems = letterProblems(letter);
  if (problems.length > 0) throw validationFailed(problems);
  const at = now();
  const timelineId = await store.insertTimelineEntry(trx, {
    caseId: subject.id,
    at,
    kind: letter.kind === 'decision' ? 'decision_sent' : 'message_to_citizen',
    public: true,
    actor: sender,
    details: json(letter.kind === 'decision' ? { subject: letter.subject.trim(), result: letter.decision.result } : { subject: letter.subject.trim() }),
  });
  const id = await store.insertLetter(trx, {
    case_id: subject.id,
    timeline_id: timelineId,
    kind: letter.kind,
    subject: letter.subject.trim(),
    body: letter.body.trim(),
    decision: letter.kind === 'decision' ? json({ ...letter.decision, reasons: letter.decision.reasons.trim(), appealGuidance: letter.decision.appealGuidance.trim() }) : null,
    channel: 'overview',
    sender_name: sender.name,
    sent_at: at,
    read_at: null,
  });
  await notifyParty(trx, subject, letterNews[letter.kind]);
  return id;
}

/** Tells the party of a status change they should know about (the text is on the public timeline). */
export async function tellCitizen(trx: Trx, subject: CaseRecord, text: LocalizedName): Promise<void> {
  await notifyParty(trx, subject, text);
}
