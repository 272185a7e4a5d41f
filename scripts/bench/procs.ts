// Child processes of the benchmark: the real server, the bare baseline and the seeding process. Every
// child is registered so that a crash, an error or Ctrl-C in the bench never leaves one running.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const children = new Set<ChildProcess>();

function killAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Production runs the compiled build when there is one; otherwise TypeScript through tsx, as in development. */
/** The Node flags `npm start` gives the compiled server, so the bench measures what production runs. */
function startFlags(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const flags = pkg.scripts.start?.match(/node ((?:--\S+ )*)dist\/server\/main\.cjs/)?.[1] ?? '';
  return flags.split(' ').filter(Boolean);
}

export function serverCommand(
  nodeArgs: string[] = [],
  root = ROOT,
): { command: string; args: string[]; compiled: boolean } {
  const compiled = path.join(root, 'dist', 'server', 'main.cjs');
  if (fs.existsSync(compiled))
    return { command: process.execPath, args: [...startFlags(root), ...nodeArgs, compiled], compiled: true };
  return {
    command: process.execPath,
    args: [...nodeArgs, '--import', 'tsx', path.join(root, 'server', 'main.ts')],
    compiled: false,
  };
}

/** A TypeScript entry of the bench itself, run through tsx in its own process. */
export function scriptCommand(file: string, args: string[] = [], nodeArgs: string[] = []) {
  return {
    command: process.execPath,
    args: [...nodeArgs, '--import', 'tsx', path.join(ROOT, file), ...args],
  };
}

export interface Child {
  pid: number;
  url: string;
  /** Milliseconds from spawn until the process answered its health check. */
  startMs: number;
  /** Resident memory of the process, from /proc (Linux), in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export function rssMbOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return Number.NaN;
  }
}

async function waitHealthy(url: string, child: ChildProcess, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer in time`);
    await sleep(5);
  }
}

/**
 * Spawns `cmd` with `env`, waits until `healthPath` answers 200 on `port` and answers the process. The
 * time counted runs from spawn to the first 200, as an operator would see it.
 */
export async function startChild(
  cmd: { command: string; args: string[] },
  opts: { port: number; env: Record<string, string>; healthPath: string; timeoutMs?: number },
): Promise<Child> {
  const t0 = performance.now();
  const child = spawn(cmd.command, cmd.args, {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitHealthy(`${url}${opts.healthPath}`, child, t0 + (opts.timeoutMs ?? 30_000));
  } catch (err) {
    child.kill('SIGKILL');
    children.delete(child);
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
  const startMs = performance.now() - t0;
  return {
    pid: child.pid!,
    url,
    startMs,
    rssMb: () => rssMbOf(child.pid!),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
}

/** Runs a bench script to its end and answers the JSON it printed last on stdout. */
export async function runScript<T>(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<T> {
  const cmd = scriptCommand(file, args);
  const child = spawn(cmd.command, cmd.args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err = (err + c.toString()).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  children.delete(child);
  if (code !== 0) throw new Error(`${file} exited with ${code}\n${err}`);
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/** A free loopback port, asked of the kernel. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
