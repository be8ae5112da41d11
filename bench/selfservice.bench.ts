// Self-service submissions end to end over HTTP, with every production middleware
// (session lookup, rate limits, CSRF, validation of every step, the one transaction with
// submission + case + contact + outbox, synchronous=FULL on SQLite), against the same
// statements run in-process without HTTP; and a logged-in step page against a bare handler.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { load, processCpuMs, report, startServer } from './lib.ts';

const SECONDS = 5;
const CONNECTIONS = 10;

async function spawnJson(args: string[], env: Record<string, string> = {}): Promise<{ child: ReturnType<typeof spawn>; first: Record<string, unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/selfservice-server.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  // The app's own log lines share stdout: the answer is the line with "port" or "perSecond".
  let buffer = '';
  for await (const chunk of child.stdout) {
    buffer += String(chunk);
    const line = buffer.split('\n').find((l) => l.startsWith('{"port"') || l.startsWith('{"perSecond"'));
    if (line) return { child, first: JSON.parse(line) as Record<string, unknown> };
  }
  throw new Error('The benchmark server stopped without an answer.');
}

async function stop(child: ReturnType<typeof spawn>) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

export async function run(): Promise<void> {
  const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  const goal = process.env.DATABASE_URL ? 300 : 500;
  console.log(`\n## Self-service on ${db}: submissions over HTTP vs the same transaction in-process (${CONNECTIONS} at a time, ${SECONDS} s)`);

  const raw = await spawnJson(['raw', '6000', String(SECONDS), String(CONNECTIONS)]);
  const rawRate = raw.first.perSecond as number;
  await stop(raw.child);
  const commits = process.env.DATABASE_URL ? 'one transaction each (no group commit on PostgreSQL)' : `${(raw.first.commitsPerSubmission as number).toFixed(2)} COMMITs per submission (group commit)`;
  console.log(`${'raw submission transaction (no HTTP)'.padEnd(44)} ${rawRate.toFixed(0).padStart(7)} /s  ${commits}`);
  const floor = await spawnJson(['fsync', '0', '2']);
  await stop(floor.child);
  console.log(`${'empty one-row commit, same database settings'.padEnd(44)} ${(floor.first.perSecond as number).toFixed(0).padStart(7)} /s  (what this disk allows)`);

  const statsFile = path.join(os.tmpdir(), `kanal-bench-ss-stats-${process.pid}.json`);
  const server = await spawnJson(['serve', '6000'], { KANAL_BENCH_STATS: statsFile });
  try {
    const url = `http://127.0.0.1:${server.first.port as number}`;
    const setup = JSON.parse(fs.readFileSync(server.first.file as string, 'utf8')) as { drafts: { id: string; cookie: string; body: string }[]; stepPage: { path: string; cookie: string } };
    let next = 0;
    const serverPid = server.child.pid!;
    const cpuBefore = processCpuMs(serverPid);
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const d = setup.drafts[next++ % setup.drafts.length]!;
            return { ...req, path: `/selvbetjening/anmeld-rotter/${d.id}/send`, headers: { cookie: d.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: d.body };
          },
        },
      ],
    });
    // Success is the redirect to the receipt (303).
    const sent = result['3xx'];
    const cpuPerSubmission = (processCpuMs(serverPid) - cpuBefore) / sent;
    const rate = sent / SECONDS;
    const ratio = rate / rawRate;
    console.log(
      `${'submission over HTTP (POST …/send → 303)'.padEnd(44)} ${rate.toFixed(0).padStart(7)} /s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  server CPU ${cpuPerSubmission.toFixed(2)} ms each  ` +
        `(goal ≥ ${goal}/s: ${rate >= goal ? 'met' : 'MISSED'})  ratio to raw ${ratio.toFixed(2)} (goal ≥ 0.4: ${ratio >= 0.4 ? 'met' : 'MISSED'})` +
        (result.non2xx - sent || result.errors ? `  other ${result.non2xx - sent}, errors ${result.errors}` : ''),
    );
    if (next > setup.drafts.length) console.log(`  (drafts reused after ${setup.drafts.length}: later sends were replays)`);

    // What the step page's ratio is made of: sending its HTML from a bare handler, and the app's
    // fixed cost per request (routing, every hook, the session lookup) on /healthz.
    const headers = { cookie: setup.stepPage.cookie };
    const pageFile = path.join(os.tmpdir(), `kanal-bench-ss-page-${process.pid}.html`);
    fs.writeFileSync(pageFile, await (await fetch(`${url}${setup.stepPage.path}`, { headers })).text());
    const bare = await startServer('bare', { KANAL_BENCH_PAGE: pageFile });
    const baseline = await load(`${bare.url}/`, { serverPid: bare.pid });
    const bareStep = await load(`${bare.url}/page`, { serverPid: bare.pid });
    await bare.stop();
    fs.rmSync(pageFile);
    report('bare Fastify handler (baseline)', baseline);
    report('  the same, sending the step page as it is', bareStep, baseline);
    report('  /healthz with the step page\'s session', await load(`${url}/healthz`, { headers, serverPid }), baseline);
    report('logged-in step page (own draft)', await load(`${url}${setup.stepPage.path}`, { headers, serverPid }), baseline, 0.1);
  } finally {
    await stop(server.child);
  }
  if (fs.existsSync(statsFile) && !process.env.DATABASE_URL) {
    // Rate-limit hits and submissions both go through group commit: two units per submission.
    const { commits, units } = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as { commits: number; units: number };
    fs.rmSync(statsFile);
    console.log(`${'  group commit over HTTP'.padEnd(44)} ${(units / Math.max(1, commits)).toFixed(1).padStart(7)} units per COMMIT (${units} units, ${commits} COMMITs)`);
  }
}
