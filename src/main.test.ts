// The `kanal` command as a real process: usage errors, configuration errors, and serve on its
// embedded database with a graceful stop on SIGTERM. (migrate on the database under test: main.db.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { kanal, projectRoot } from '../test/helpers/cli.ts';

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

test('an unknown command prints usage and exits 2', () => {
  const result = kanal(['launch']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /kanal: Unknown command: launch/);
  assert.match(result.stderr, /Usage: kanal <command>/);
});

test('an unknown flag prints usage and exits 2', () => {
  const result = kanal(['migrate', '--fast']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Unknown option '--fast'/);
});

test('seed without --demo is a usage error', () => {
  assert.equal(kanal(['seed']).status, 2);
});

test('a bad setting stops the command with one line naming it (exit 78)', () => {
  const result = kanal(['check-config'], { PORT: 'eighty' });
  assert.equal(result.status, 78);
  assert.match(result.stderr, /PORT="eighty" is not valid: expected a whole number from 1 to 65535\./);
});

test('check-config accepts a good configuration', () => {
  const result = kanal(['check-config'], { PORT: '8080' });
  assert.equal(result.status, 0);
  assert.match(result.stdout, /Configuration is valid/);
});

test('serve answers, then stops cleanly on SIGTERM and closes the database', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-serve-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', KANAL_DATA_DIR: dataDir, PORT: String(port), KANAL_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    while (!output.includes('Kanal is running')) await once(child.stdout, 'data');
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.deepEqual(await res.json(), { status: 'ready' });
    // The WAL file exists while the database is open; a clean close checkpoints and removes it.
    assert.ok(fs.existsSync(path.join(dataDir, 'kanal.sqlite-wal')));
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0);
    assert.match(output, /shutting down/);
    assert.match(output, /"msg":"stopped"/);
    assert.ok(!fs.existsSync(path.join(dataDir, 'kanal.sqlite-wal')), 'the database was not closed cleanly');
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
