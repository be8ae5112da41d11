// The case status machine: every allowed move is listed here, with what the citizen is told.
// A move not listed is refused. "decided" is reached only by sending a decision letter,
// and a transfer moves the case to another department's inbox as "received".
import type { LocalizedName } from '../../platform/calendar/index.ts';
import { conflict } from '../../platform/http/errors.ts';

export const caseStatuses = ['received', 'in_progress', 'waiting_for_citizen', 'decided', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses of a case not yet closed: what the inbox shows unless asked for another status. */
export const openStatuses: readonly CaseStatus[] = ['received', 'in_progress', 'waiting_for_citizen', 'decided'];

/** Statuses in which the deadline clock runs, so a case can be due soon or overdue. */
export const clockRunningStatuses: readonly CaseStatus[] = ['received', 'in_progress'];

export const statusNames: Record<CaseStatus, LocalizedName> = {
  received: { da: 'Modtaget', en: 'Received' },
  in_progress: { da: 'Under behandling', en: 'In progress' },
  waiting_for_citizen: { da: 'Venter på dig', en: 'Waiting for you' },
  decided: { da: 'Afgjort', en: 'Decided' },
  closed: { da: 'Afsluttet', en: 'Closed' },
};

/** Staff see "waiting for the citizen", the citizen sees "waiting for you". */
export const staffStatusNames: Record<CaseStatus, LocalizedName> = {
  ...statusNames,
  waiting_for_citizen: { da: 'Venter på borger', en: 'Waiting for citizen' },
};

export type Transition = {
  from: CaseStatus;
  to: CaseStatus;
  /** What the citizen is told in "Mit overblik" (and notified of), or null: not told. */
  citizenText: LocalizedName | null;
  /** Some moves happen only as part of another action. */
  only?: 'decision' | 'citizen-reply';
};

const toldStarted = { da: 'Vi er gået i gang med din sag.', en: 'We have started work on your case.' };
const toldWaiting = {
  da: 'Vi mangler noget fra dig. Læs vores besked og svar os.',
  en: 'We need something from you. Read our message and reply.',
};
const toldReopened = { da: 'Vi har åbnet din sag igen.', en: 'We have reopened your case.' };
const toldClosedEarly = {
  da: 'Vi har lukket din sag uden en afgørelse. Læs hvorfor i sagens forløb.',
  en: 'We have closed your case without a decision. See why in the case history.',
};

export const transitions: readonly Transition[] = [
  { from: 'received', to: 'in_progress', citizenText: toldStarted },
  { from: 'received', to: 'waiting_for_citizen', citizenText: toldWaiting },
  { from: 'received', to: 'closed', citizenText: toldClosedEarly },
  { from: 'in_progress', to: 'waiting_for_citizen', citizenText: toldWaiting },
  { from: 'in_progress', to: 'decided', citizenText: { da: 'Vi har truffet en afgørelse i din sag. Læs brevet.', en: 'We have made a decision on your case. Read the letter.' }, only: 'decision' },
  { from: 'in_progress', to: 'closed', citizenText: toldClosedEarly },
  // The citizen's answer restarts the work; the case worker may also resume without one.
  { from: 'waiting_for_citizen', to: 'in_progress', citizenText: null },
  { from: 'waiting_for_citizen', to: 'closed', citizenText: toldClosedEarly },
  // The decision letter already told the citizen; closing after it is internal.
  { from: 'decided', to: 'closed', citizenText: null },
  { from: 'decided', to: 'in_progress', citizenText: toldReopened },
  { from: 'closed', to: 'in_progress', citizenText: toldReopened },
];

/** Statuses a case can be transferred from: not after a decision. */
export const transferableStatuses: readonly CaseStatus[] = ['received', 'in_progress', 'waiting_for_citizen'];

export const transferCitizenText = (department: LocalizedName): LocalizedName => ({
  da: `Din sag er sendt videre til ${department.da}. De skriver til dig her.`,
  en: `Your case has been passed on to ${department.en}. They will write to you here.`,
});

export function findTransition(from: CaseStatus, to: CaseStatus): Transition | undefined {
  return transitions.find((t) => t.from === from && t.to === to);
}

/** The moves a case worker can choose on the case page (not those that need another action). */
export function manualTransitionsFrom(from: CaseStatus): Transition[] {
  return transitions.filter((t) => t.from === from && t.only === undefined);
}

/**
 * Checks a move and returns it, or throws `conflict` with a message that says what is allowed.
 * `via` names the action doing the move, for moves that only that action may make.
 */
export function checkTransition(from: CaseStatus, to: CaseStatus, via?: Transition['only']): Transition {
  const transition = findTransition(from, to);
  if (!transition) {
    const allowed = transitions.filter((t) => t.from === from).map((t) => staffStatusNames[t.to].en);
    throw conflict(
      `A case that is ${staffStatusNames[from].en.toLowerCase()} cannot become ${staffStatusNames[to].en.toLowerCase()}` +
        (allowed.length > 0 ? `; it can become: ${allowed.join(', ').toLowerCase()}.` : '.'),
    );
  }
  if (transition.only !== undefined && transition.only !== via) {
    throw conflict(`A case becomes ${staffStatusNames[to].en.toLowerCase()} only by sending a ${transition.only}.`);
  }
  return transition;
}

export function checkTransfer(from: CaseStatus): void {
  if (!transferableStatuses.includes(from)) {
    throw conflict(`A case that is ${staffStatusNames[from].en.toLowerCase()} cannot be transferred; reopen it first.`);
  }
}
