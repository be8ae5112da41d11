// The citizen overview for first-contact resolution (straksafklaring): a person's or business's
// cases across departments. Sensitive departments (e.g. Social og Sundhed) are always listed
// as "contact the department" — whether or not there is a case — so the overview never tells
// that one exists, unless the employee works in that department.
import type { Day } from '../../platform/calendar/index.ts';
import type { Db, Trx } from '../../platform/db/index.ts';
import { deadlineDay, deadlineState, type DeadlineState } from './deadline.ts';
import { calendar, nameKey } from './service.ts';
import * as store from './store.ts';
import type { CaseStatus } from './status.ts';

export type OverviewDepartment = { id: string; name: string; sensitive: boolean };

export type OverviewCase = {
  reference: string;
  title: string;
  status: CaseStatus;
  deadline: Day;
  deadlineState: DeadlineState;
  department: OverviewDepartment;
  assigneeName: string | null;
  receivedAt: string;
};

export type CitizenOverview = {
  /** The party's name on the newest case shown; undefined when the viewer may see none. */
  name: string | undefined;
  cases: OverviewCase[];
  /** Sensitive departments the viewer may not look into: "contact <department>". */
  contactOnly: OverviewDepartment[];
};

const SHOWN = 100;

/** Whether the viewer may see that a department's cases exist: not in a sensitive department but the own. */
export function mayLookInto(viewer: { department: string }, department: OverviewDepartment): boolean {
  return !department.sensitive || department.id === viewer.department;
}

// Sensitive departments other than the viewer's. Their cases are left out in the query itself, so
// a person known only there is "not found", like one without any case.
const closedTo = (viewer: { department: string }, departments: readonly OverviewDepartment[]) => departments.filter((d) => !mayLookInto(viewer, d));

export async function citizenOverview(db: Db | Trx, party: store.PartyKey, viewer: { department: string }, departments: readonly OverviewDepartment[], today: Day): Promise<CitizenOverview> {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const contactOnly = closedTo(viewer, departments);
  const rows = await store.findCasesForParty(db, party, SHOWN, contactOnly.map((d) => d.id));
  const day = deadlineDay(calendar, today);
  const cases = rows.map((c): OverviewCase => {
    const department = byId.get(c.department) ?? { id: c.department, name: c.department, sensitive: false };
    const clock = { deadline: c.deadline, pausedAt: c.deadlinePausedAt === null ? null : new Date(c.deadlinePausedAt) };
    return { reference: c.reference, title: c.title, status: c.status, deadline: c.deadline, deadlineState: deadlineState(clock, c.status, day), department, assigneeName: c.assignee?.name ?? null, receivedAt: c.receivedAt };
  });
  return { name: rows[0]?.party.name, cases, contactOnly };
}

/** People with cases the viewer may see whose name starts with the text typed (at least 2 letters). */
export async function findPeopleByName(db: Db, typed: string, viewer: { department: string }, departments: readonly OverviewDepartment[]): Promise<{ cpr: string; name: string }[]> {
  const key = nameKey(typed);
  if (key.length < 2) return [];
  return store.findPartiesByName(db, key, 20, closedTo(viewer, departments).map((d) => d.id));
}
