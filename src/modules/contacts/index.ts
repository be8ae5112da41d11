// The contact registry: every citizen contact on every channel, recorded once.
// Other modules record with `record(trx, …)`; nothing else here is theirs to touch.
import type { KanalModule } from '../../platform/module.ts';
import { migrations } from './migrations.ts';
import { importContext, registerContactRoutes } from './routes.tsx';
import { importJobs } from './import/flow.ts';
import { seedDemoContacts } from './demo.ts';

export { record, recordForKle, InvalidContact, rebuildAggregates, CORRECTION_MINUTES, type RecordedContact } from './registry.ts';
export { importFigures, previewImport, ImportRejected, importSources, isImportSource, type ImportOutcome, type ImportSource } from './import/importer.ts';
export { SMALL_FILE_BYTES } from './import/flow.ts';
export { listTopics, topicForKle } from './topics.ts';
export { aggregateTotals, rawContactTotals, totalDimensions, type TotalDimension, type TotalsQuery, type TotalRow } from './store.ts';
export {
  channels,
  digitalChannels,
  directions,
  kinds,
  resolutions,
  type Channel,
  type ContactInput,
  type Direction,
  type Kind,
  type Resolution,
  type Topic,
} from './schema.ts';

export const contactsModule: KanalModule = {
  name: 'contacts',
  migrations,
  register: registerContactRoutes,
  jobs: (ctx) => importJobs(importContext(ctx)),
  seedDemo: seedDemoContacts,
};
