// A modest set of realistic contacts for the demo: the last four weeks of a small
// Borgerservice, on every channel. (The full Albertslund baseline is demo data of its own.)
import type { AppContext, Progress } from '../../platform/module.ts';
import { record } from './registry.ts';
import type { Channel, ContactInput, Kind } from './schema.ts';
import { anyRecordedBy } from './store.ts';

const DEMO = 'demo';

/** Channel, kind, topic and how many a day, roughly as a small municipality sees them. */
const pattern: [Channel, Kind, string, number][] = [
  ['phone', 'information', 'aabningstider', 3],
  ['phone', 'own_case', 'byggeri', 1],
  ['phone', 'information', 'affald', 2],
  ['phone', 'own_case', 'boligstoette', 1],
  ['in_person', 'transaction', 'pas', 2],
  ['in_person', 'transaction', 'koerekort', 1],
  ['in_person', 'information', 'mitid', 2],
  ['in_person', 'information', 'digital-post', 1],
  ['self_service', 'transaction', 'flytning', 3],
  ['self_service', 'transaction', 'sundhedskort', 2],
  ['self_service', 'transaction', 'dagtilbud', 1],
  ['web', 'information', 'affald', 6],
  ['web', 'information', 'aabningstider', 4],
  ['email', 'own_case', 'skole', 1],
  ['email', 'information', 'rotter', 1],
  ['letter', 'own_case', 'ejendomsskat', 1],
];

/** A deterministic spread: the same demo data on every machine. */
const wobble = (day: number, i: number) => ((day * 7 + i * 13) % 5) - 2;

export async function seedDemoContacts(ctx: AppContext, progress: Progress): Promise<void> {
  if (await anyRecordedBy(ctx.db, DEMO)) return;
  const days = 28;
  const today = Date.now();
  await ctx.db.transaction().execute(async (trx) => {
    for (let d = days; d >= 1; d--) {
      const date = new Date(today - d * 86_400_000);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      for (const [i, [channel, kind, topic, perDay]] of pattern.entries()) {
        const count = Math.max(0, perDay + wobble(d, i));
        for (let n = 0; n < count; n++) {
          const at = new Date(date);
          at.setUTCHours(7 + ((n * 3 + i) % 7), (n * 17 + i * 7) % 60, 0, 0);
          const personal = channel === 'phone' || channel === 'in_person';
          const input: ContactInput = {
            at,
            channel,
            kind,
            topic,
            source: personal ? 'manual' : 'automatic',
            resolved: personal ? (n % 4 === 0 ? 'no' : 'yes') : 'unknown',
            failureDemand: personal && n % 6 === 5,
            assisted: channel === 'in_person' && kind === 'transaction' && n % 2 === 0,
            recordedBy: DEMO,
          };
          await record(trx, input);
        }
      }
      progress(days - d + 1, days, 'Demo-henvendelser');
    }
  });
}
