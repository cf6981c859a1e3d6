// Starts the built reference server on a fresh PGlite directory with the demo site, for browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function freePort() {
  const srv = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

export const STAFF_TOKEN = 'e2e-staff-token';

export async function startSite() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const child = spawn(process.execPath, [join(root, 'packages/server/dist/cli.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LINLI_DATA_DIR: dataDir,
      LINLI_SITE_DIR: join(root, 'examples/municipal-site/site'),
      LINLI_ASSETS_DIR: join(root, 'packages/components/dist/cdn'),
      LINLI_DEMO_STAFF_TOKEN: STAFF_TOKEN,
      LINLI_RATE_LIMIT: 'off',
      LINLI_OPEN311_API_KEYS: 'demo-open311-key',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {}
    if (i > 300 || child.exitCode !== null) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    log: () => log,
    api: (path, init = {}) =>
      fetch(`${url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json', ...init.headers } }).then(async (r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        return r.json();
      }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const chromiumOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
