// Pages against a bare Fastify handler measured in the same run.
import { startServer, load, report } from './lib.ts';

export async function run(): Promise<void> {
  console.log('\n## HTTP: pages vs a bare Fastify handler (10 connections, 5 s each)');
  const bare = await startServer('bare');
  const baseline = await load(`${bare.url}/`);
  await bare.stop();
  report('bare Fastify handler (baseline)', baseline);

  const app = await startServer('app');
  try {
    report('anonymous citizen front page', await load(`${app.url}/`), baseline, 0.25);
    report('/healthz', await load(`${app.url}/healthz`), baseline);
  } finally {
    await app.stop();
  }
}
