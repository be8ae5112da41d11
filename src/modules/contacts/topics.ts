// The municipality's topic list: what citizens contact it about, each mapped to a KLE
// number and the department that owns it. Admins edit it; topics are retired, never
// deleted, so old contacts keep their topic.
import { now, type Db, type Trx } from '../../platform/db/index.ts';
import { KanalError } from '../../platform/http/errors.ts';
import type { Topic } from './schema.ts';
import * as store from './store.ts';

const t = (code: string, name: string, kle: string, department: string, frequent = false, handledBy: string | null = null): Topic => ({
  code,
  name,
  kle,
  department,
  handledBy,
  frequent,
  active: true,
});

/**
 * A starting list for a municipality like Albertslund. KLE numbers are the nearest
 * subject group in KLE (kle-online.dk); the municipality checks and adjusts them.
 */
export const seedTopics: readonly Topic[] = [
  t('aabningstider', 'Åbningstider og kontakt', '00.01.00', 'borgerservice', true),
  t('affald', 'Affald og genbrug', '07.18.00', 'miljoe-teknik', true),
  t('storskrald', 'Storskrald', '07.18.02', 'miljoe-teknik'),
  t('flytning', 'Flytning (adresseændring)', '23.02.00', 'borgerservice', true),
  t('sundhedskort', 'Sundhedskort og lægevalg', '29.09.00', 'borgerservice', true),
  t('pas', 'Pas', '23.06.00', 'borgerservice', true),
  t('koerekort', 'Kørekort', '05.08.00', 'borgerservice', true),
  t('mitid', 'Hjælp til MitID', '23.00.00', 'borgerservice', true),
  t('digital-post', 'Hjælp til Digital Post', '23.00.00', 'borgerservice', true),
  t('selvbetjening-hjaelp', 'Hjælp til selvbetjening', '00.01.00', 'borgerservice'),
  t('navn', 'Navneændring', '23.04.00', 'borgerservice'),
  t('vielse', 'Vielse og partnerskab', '23.04.00', 'borgerservice'),
  t('dagtilbud', 'Dagtilbud og pasning', '28.03.00', 'boern-unge', true),
  t('skole', 'Skole og SFO', '17.01.00', 'boern-unge', true),
  t('tandpleje', 'Børnetandpleje', '29.24.00', 'boern-unge'),
  t('byggeri', 'Byggeri og byggetilladelse', '02.34.02', 'miljoe-teknik', true),
  t('veje', 'Veje, fortove og belysning', '05.01.00', 'miljoe-teknik'),
  t('snerydning', 'Snerydning og glatførebekæmpelse', '05.07.00', 'miljoe-teknik'),
  t('rotter', 'Rotter', '09.15.00', 'miljoe-teknik', true),
  t('parkering', 'Parkering', '05.13.00', 'miljoe-teknik'),
  t('gadelys', 'Fejl på gaden (Giv et praj)', '05.04.00', 'miljoe-teknik'),
  t('foreninger', 'Foreninger og lokaler', '18.00.00', 'kultur-fritid'),
  t('bibliotek', 'Bibliotek', '18.14.00', 'kultur-fritid'),
  t('hjemmehjaelp', 'Hjemmehjælp og hjælpemidler', '27.12.00', 'social-sundhed'),
  t('genoptraening', 'Genoptræning', '29.30.00', 'social-sundhed'),
  t('kontanthjaelp', 'Kontanthjælp og job', '15.00.00', 'social-sundhed'),
  t('ejendomsskat', 'Ejendomsskat og betalinger', '00.32.00', 'administration'),
  t('boligstoette', 'Boligstøtte', '03.22.00', 'borgerservice', true, 'Udbetaling Danmark'),
  t('pension', 'Folkepension og førtidspension', '32.00.00', 'borgerservice', false, 'Udbetaling Danmark'),
  t('boernefamilieydelse', 'Børne- og ungeydelse', '32.03.00', 'borgerservice', false, 'Udbetaling Danmark'),
  t('sygedagpenge', 'Sygedagpenge', '32.18.00', 'social-sundhed'),
  t('andet', 'Andet', '00.00.00', 'borgerservice'),
];

export const listTopics = (db: Db): Promise<Topic[]> => store.listTopics(db);

/** What an admin types into the topic form. */
export interface TopicDraft {
  code: string;
  name: string;
  kle: string;
  department: string;
  handledBy: string;
  frequent: boolean;
  active: boolean;
}

/** Field → problem, for the topic form; the messages are the catalogue's keys. */
export type TopicProblem = 'codeFormat' | 'codeTaken' | 'nameMissing' | 'kleFormat' | 'departmentMissing' | 'departmentUnknown';

/**
 * Checks a draft; `departments` are the ids the municipality has configured (KANAL_DEPARTMENTS),
 * so a topic can only belong to a department that exists here.
 */
function topicProblems(draft: TopicDraft, departments: readonly string[]): { field: keyof TopicDraft; problem: TopicProblem }[] {
  const problems: { field: keyof TopicDraft; problem: TopicProblem }[] = [];
  if (!/^[a-z0-9-]{1,60}$/.test(draft.code)) problems.push({ field: 'code', problem: 'codeFormat' });
  if (draft.name.trim() === '' || draft.name.length > 120) problems.push({ field: 'name', problem: 'nameMissing' });
  if (!/^\d{2}\.\d{2}\.\d{2}$/.test(draft.kle)) problems.push({ field: 'kle', problem: 'kleFormat' });
  if (draft.department === '') problems.push({ field: 'department', problem: 'departmentMissing' });
  else if (!departments.includes(draft.department)) problems.push({ field: 'department', problem: 'departmentUnknown' });
  return problems;
}

export class InvalidTopic extends KanalError {
  constructor(readonly problems: { field: keyof TopicDraft; problem: TopicProblem }[]) {
    super('validation_failed', 'The topic is not valid.', problems.map((p) => ({ field: p.field, message: p.problem })));
    this.name = 'InvalidTopic';
  }
}

const fromDraft = (d: TopicDraft): Topic => ({
  code: d.code,
  name: d.name.trim(),
  kle: d.kle,
  department: d.department,
  handledBy: d.handledBy.trim() || null,
  frequent: d.frequent,
  active: d.active,
});

/** Adds a topic (admins). Throws InvalidTopic. */
export async function addTopic(trx: Trx, draft: TopicDraft, departments: readonly string[]): Promise<void> {
  const problems = topicProblems(draft, departments);
  if (problems.length === 0 && (await store.findTopic(trx, draft.code))) problems.push({ field: 'code', problem: 'codeTaken' });
  if (problems.length > 0) throw new InvalidTopic(problems);
  await store.insertTopic(trx, fromDraft(draft), now());
}

/** Changes a topic (admins); its code stays. Returns false when there is no such topic. */
export async function changeTopic(trx: Trx, draft: TopicDraft, departments: readonly string[]): Promise<boolean> {
  const problems = topicProblems(draft, departments);
  if (problems.length > 0) throw new InvalidTopic(problems);
  return store.updateTopic(trx, fromDraft(draft), now());
}

/** Finds an active topic by code or by name (what a type-ahead field sends), ignoring case. */
export function resolveTopic(topics: readonly Topic[], text: string): Topic | undefined {
  const wanted = text.trim().toLocaleLowerCase('da');
  if (wanted === '') return undefined;
  return topics.find((t) => t.active && (t.code === wanted || t.name.toLocaleLowerCase('da') === wanted));
}

/**
 * The registry topic for a case or service's KLE number: the topic sharing the most
 * leading KLE groups with it (a service's '07.18' is the topic '07.18.00', not '07.18.02'),
 * preferring the given department; 'andet' when nothing shares even the main group.
 */
export async function topicForKle(db: Db, kle: string, department?: string, options: { fresh?: boolean } = {}): Promise<string> {
  const groups = (k: string) => [...k.split('.'), '00', '00'].slice(0, 3);
  const wanted = groups(kle);
  const score = (topic: Topic) => {
    const have = groups(topic.kle);
    let same = 0;
    while (same < 3 && have[same] === wanted[same]) same++;
    return same * 2 + (topic.department === department ? 1 : 0);
  };
  let best: { code: string; score: number } = { code: 'andet', score: 1 };
  // Only a topic in the same main group can beat 'andet', so only those are read.
  for (const topic of await store.activeTopicsInKleGroup(db, wanted[0]!, options)) {
    const s = score(topic);
    if (s > best.score) best = { code: topic.code, score: s };
  }
  return best.code;
}
