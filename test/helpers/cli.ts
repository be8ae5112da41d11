// The `kanal` command as a real process, from the project root, with only the environment given
// (so a DATABASE_URL of the test run is not passed on unless a test passes it).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export function kanal(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', KANAL_LOG_LEVEL: 'warn', ...env },
  });
}
