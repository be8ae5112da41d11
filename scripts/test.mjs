// Runs the test suites with node:test through tsx. Node 20 does not expand globs,
// so the files are found here.
//   all      unit + database + browser tests (browser ones when /usr/bin/chromium exists)
//   unit     tests that need no database
//   db       tests named *.db.test.ts(x): CI runs these again with DATABASE_URL on PostgreSQL
//   browser  test/browser/**
// Further arguments narrow the suite to those files or folders: node scripts/test.mjs db src/modules/contacts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const suite = process.argv[2] ?? 'all';
const root = path.resolve(import.meta.dirname, '..');

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : find(full);
    return /\.test\.tsx?$/.test(e.name) ? [path.relative(root, full)] : [];
  });
}

const all = [...find(path.join(root, 'src')), ...find(path.join(root, 'test'))].sort();
const isBrowser = (f) => f.startsWith(`test${path.sep}browser${path.sep}`);
const isDb = (f) => /\.db\.test\.tsx?$/.test(f);
const chromium = fs.existsSync(process.env.KANAL_CHROMIUM ?? '/usr/bin/chromium');

const only = process.argv.slice(3).map((p) => path.relative(root, path.resolve(p)));
const wanted = (f) => only.length === 0 || only.some((p) => f === p || f.startsWith(p + path.sep));
const selected = {
  unit: all.filter((f) => !isBrowser(f) && !isDb(f)),
  db: all.filter((f) => !isBrowser(f) && isDb(f)),
  browser: all.filter(isBrowser),
  all: all.filter((f) => !isBrowser(f) || chromium),
}[suite]?.filter(wanted);

if (!selected) {
  console.error(`Unknown suite "${suite}": use all, unit, db or browser.`);
  process.exit(2);
}
if (suite === 'all' && !chromium) console.warn('Chromium not found at /usr/bin/chromium: browser tests skipped (apt-get install chromium).');
if (suite === 'browser' && !chromium) {
  console.error('Chromium not found at /usr/bin/chromium: install it with apt-get install chromium.');
  process.exit(1);
}
console.log(`Running ${selected.length} test files (${suite}${process.env.DATABASE_URL ? ', PostgreSQL' : ', SQLite'}).`);

// Unit and database tests mostly wait (fsync, PostgreSQL round trips), so more of their files
// run at once; browser tests each drive Chromium and a server, two at a time on two cores.
const runs = [
  { files: selected.filter((f) => !isBrowser(f)), concurrency: Number(process.env.KANAL_TEST_CONCURRENCY ?? 4) },
  { files: selected.filter(isBrowser), concurrency: 2 },
].filter((r) => r.files.length > 0);
let failed = false;
for (const { files, concurrency } of runs) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...(process.env.TEST_ONLY ? ['--test-only'] : []), ...files],
    { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
  );
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
