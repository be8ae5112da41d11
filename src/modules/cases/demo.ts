// Demo cases for `kanal seed --demo` and the first `npm start`: a few cases in every
// department's inbox but Administration's, in every status, for the test login's citizens and businesses, so
// "Mit overblik" and the staff inboxes have something to show. Only into an empty table.
import type { AppContext, Progress } from '../../platform/module.ts';
import { testBusinesses, testPeople } from '../../platform/auth/index.ts';
import { anyCase } from './store.ts';
import { changeStatus, createCase, transferCase, type NewCase } from './service.ts';
import type { Actor, Party } from './schema.ts';
import type { CaseStatus } from './status.ts';

const system: Actor = { kind: 'system', name: 'Demodata' };
const caseworker: Actor = { kind: 'staff', id: 'demo-sagsbehandler', name: 'Karin Lund (demo)' };

interface DemoCase {
  title: string;
  service: string;
  kle: string;
  department: string;
  party: Party;
  answers: [label: string, value: string][];
  daysAgo: number;
  /** The statuses it has gone through after "received". */
  path: CaseStatus[];
  transferTo?: string;
}

const [anna, , karl, fatima, jens] = testPeople;
const person = (p: (typeof testPeople)[number] | undefined): Party => ({ kind: 'person', cpr: p!.cpr, name: p!.name });
const business = (i: number): Party => ({ kind: 'business', cvr: testBusinesses[i]!.cvr, name: testBusinesses[i]!.name });

const demoCases: DemoCase[] = [
  { title: 'Ansøgning om tilskud til sommerlejr', service: 'tilskud-til-forening', kle: '18.15', department: 'kultur-fritid', party: business(2), answers: [['Hvad skal pengene bruges til?', 'Sommerlejr for 40 børn'], ['Beløb', '12.000 kr.']], daysAgo: 12, path: ['in_progress'] },
  { title: 'Rotter i gården', service: 'anmeld-rotter', kle: '09.17', department: 'miljoe-teknik', party: person(anna), answers: [['Hvor har du set rotter?', 'I gården ved skraldespandene'], ['Hvornår?', 'I går aftes']], daysAgo: 3, path: [] },
  { title: 'Storskrald: sofa og reol', service: 'bestil-storskrald', kle: '07.18', department: 'miljoe-teknik', party: person(fatima), answers: [['Hvad skal hentes?', 'En sofa og en reol'], ['Adresse', 'Kanalens Kvarter 12, 2. th.']], daysAgo: 8, path: ['in_progress', 'closed'] },
  { title: 'Ansøgning om rollator', service: 'soeg-hjaelpemidler', kle: '27.37', department: 'social-sundhed', party: person(karl), answers: [['Hvad søger du?', 'En rollator'], ['Hvorfor?', 'Jeg har svært ved at gå langt']], daysAgo: 20, path: ['in_progress', 'waiting_for_citizen'] },
  { title: 'Container på vejen ved ombygning', service: 'raaden-over-vejareal', kle: '05.14', department: 'miljoe-teknik', party: business(0), answers: [['Hvad skal stå på vejen?', 'En container'], ['Hvor længe?', '14 dage']], daysAgo: 5, path: ['in_progress'] },
  { title: 'Spørgsmål om betaling for SFO', service: 'henvendelse-eller-klage', kle: '00.01', department: 'borgerservice', party: person(jens), answers: [['Hvad drejer det sig om?', 'Jeg har fået en regning to gange']], daysAgo: 2, path: [], transferTo: 'boern-unge' },
  { title: 'Tilmelding til it-kursus', service: 'it-kursus', kle: '19.01', department: 'borgerservice', party: person(karl), answers: [['Hvilket kursus?', 'Kom godt i gang med MitID']], daysAgo: 30, path: ['in_progress', 'closed'] },
];

export async function seedDemoCases(ctx: AppContext, progress: Progress): Promise<void> {
  if (await anyCase(ctx.db)) return;
  const departments = new Map(ctx.config.auth.departments.map((d) => [d.id, d]));
  const wanted = demoCases.filter((c) => departments.has(c.department) && (!c.transferTo || departments.has(c.transferTo)));
  await ctx.db.transaction().execute(async (trx) => {
    for (const demo of wanted) {
      const input: NewCase = {
        title: demo.title,
        service: demo.service,
        kle: demo.kle,
        department: demo.department,
        party: demo.party,
        submission: { sections: [{ title: 'Ansøgningen', answers: demo.answers.map(([label, value]) => ({ label, value })) }] },
        deadline: { workingDays: 20 },
        receivedAt: new Date(Date.now() - demo.daysAgo * 86_400_000),
        actor: system,
      };
      let current = await createCase(trx, input);
      for (const to of demo.path) current = await changeStatus(trx, current, { to }, caseworker);
      if (demo.transferTo) {
        const to = departments.get(demo.transferTo)!;
        await transferCase(trx, current, { id: to.id, name: { da: to.name, en: to.name } }, 'Handler om skole og SFO', caseworker);
      }
    }
  });
  progress(wanted.length, wanted.length, 'demo cases');
}
