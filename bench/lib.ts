// Shared benchmark helpers: start a server process, drive it with autocannon, print figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import autocannon from 'autocannon';

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** CPU time a process has used so far, in ms (Linux: utime + stime from /proc, 100 ticks a second). */
export function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function startServer(kind: 'bare' | 'app', env: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts', kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  // The port is the first line that is only a number (log lines may come before it).
  let output = '';
  let port = NaN;
  while (Number.isNaN(port)) {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    output += chunk.toString();
    const line = output.split('\n').find((l) => /^\d+$/.test(l.trim()));
    if (line !== undefined) port = Number(line.trim());
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The server process's CPU per request in µs, when its pid was given. */
  serverCpuUs?: number;
}

/**
 * Drives one URL for `seconds` after a short warm-up; bounded in time, loopback only. With
 * `serverPid`, also the server's CPU per request: what a page costs, whoever else uses the machine.
 */
export async function load(url: string, options: { seconds?: number; connections?: number; headers?: Record<string, string>; serverPid?: number } = {}): Promise<LoadResult> {
  const { seconds = 5, connections = 10, headers, serverPid } = options;
  await autocannon({ url, connections, duration: 1, headers }); // warm-up: JIT, caches, connection pools
  const cpuBefore = serverPid === undefined ? 0 : processCpuMs(serverPid);
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    ...(serverPid === undefined ? {} : { serverCpuUs: ((processCpuMs(serverPid) - cpuBefore) * 1000) / result.requests.total }),
  };
}

export function report(name: string, result: LoadResult, baseline?: LoadResult, goal?: number): void {
  const ratio = baseline ? result.requestsPerSecond / baseline.requestsPerSecond : undefined;
  const goalText = goal === undefined || ratio === undefined ? '' : ratio >= goal ? `  (goal ≥ ${goal}: met)` : `  (goal ≥ ${goal}: MISSED)`;
  console.log(
    `${name.padEnd(44)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms` +
      (result.serverCpuUs === undefined ? '' : `  server CPU ${result.serverCpuUs.toFixed(0)} µs each`) +
      (ratio === undefined ? '' : `  ratio ${ratio.toFixed(2)}`) +
      goalText +
      (result.errors || result.non2xx ? `  errors ${result.errors}, non-2xx ${result.non2xx}` : ''),
  );
}
