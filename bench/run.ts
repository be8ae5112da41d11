// `npm run bench`: every benchmark, each printing its figures and its ratio to a baseline
// measured in the same run. `npm run bench -- http` runs only the named ones.
import { run as http } from './http.bench.ts';
import { run as contacts } from './contacts.bench.ts';
import { run as cases } from './cases.bench.ts';
import { run as knowledge } from './knowledge.bench.ts';
import { run as selfservice } from './selfservice.bench.ts';
import { run as insights } from './insights.bench.ts';

const benchmarks: Record<string, () => Promise<void>> = { http, contacts, cases, knowledge, selfservice, insights };

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
