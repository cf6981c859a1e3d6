// Starting and stopping the servers under test as child processes, so the load generator and the server
// each have a core of this machine.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, SERVER, TMP } from './paths.mjs';

const children = new Set();
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

function waitForUrl(child, pattern, what, timeoutMs = 90_000) {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs / 1000} s: ${out.slice(-500)}`)), timeoutMs);
    const onData = (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(t);
  children.delete(child);
}

export const newDataDir = (prefix) => mkdtempSync(join(TMP, `${prefix}-`));

/**
 * `node packages/server/dist/cli.js` with PORT=0, HOST=127.0.0.1, LINLI_DATA_DIR, LINLI_RATE_LIMIT=off
 * (and DATABASE_URL for PostgreSQL). Resolves with its base URL and a stop().
 */
export async function startLinli({ databaseUrl } = {}) {
  const dataDir = newDataDir('pglite');
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LINLI_DATA_DIR: dataDir, LINLI_RATE_LIMIT: 'off' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(SERVER, 'dist/cli.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const url = await waitForUrl(child, /listening on (http:\/\/\S+)/, 'the Linli server');
  child.stdout.resume();
  return {
    url,
    pid: child.pid,
    stop: async () => {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bare Hono peer; `getBodyFile` holds the JSON it returns for GET /api/v1/services. */
export async function startBareHono(getBodyFile) {
  const child = spawn(process.execPath, [join(BENCH, 'src/children/bare-hono.mjs')], {
    env: { ...process.env, PORT: '0', BENCH_GET_BODY: getBodyFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const url = await waitForUrl(child, /listening on (http:\/\/\S+)/, 'the bare Hono server');
  return { url, pid: child.pid, stop: () => stop(child) };
}

/** The growable Linli server of children/scale-server.mjs, driven over IPC. */
export async function startScaleServer() {
  const dataDir = newDataDir('pglite-scale');
  const env = { ...process.env, LINLI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = fork(join(BENCH, 'src/children/scale-server.mjs'), [], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const next = () =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`scale server exited with ${code}: ${stderr.slice(-500)}`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        if (m.error) reject(new Error(m.error));
        else resolve(m);
      });
    });
  const { url } = await next();
  return {
    url,
    grow: async (n) => {
      child.send({ grow: n });
      return (await next()).grown;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.send({ stop: true });
        const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await done;
        clearTimeout(t);
      }
      children.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
