// @ts-check
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// Debian's chromium (apt-get install -y chromium); never a downloaded browser. Override with CHROME_PATH.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * Under `faketime` (CI runs the suite again with the clock +400 and −200 days away) Node sees the
 * shifted clock through libfaketime, but Chromium under libfaketime is ~10× slower. So the browser
 * starts without it and the test page shifts its own `Date` by the same offset before any test runs.
 */
const shiftMs = (() => {
  const m = /^([+-]\d+(?:\.\d+)?)([smhdy]?)$/.exec((process.env.FAKETIME ?? '').trim());
  if (!m) return 0;
  const unit = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, y: 31_536e6, '': 1e3 }[m[2]];
  return Math.round(Number(m[1]) * unit);
})();
const browserEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LD_PRELOAD|FAKETIME)/.test(k)));
const dateShim = `(() => {
  const shift = ${shiftMs}, RealDate = Date, now = () => RealDate.now() + shift;
  globalThis.Date = new Proxy(RealDate, {
    construct: (D, a) => (a.length ? new D(...a) : new D(now())),
    apply: () => new RealDate(now()).toString(),
    get: (D, p) => (p === 'now' ? now : Reflect.get(D, p)),
  });
})();`;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args, env: browserEnv } })],
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10_000 } },
  testRunnerHtml: (framework) =>
    `<!doctype html><html><head>${shiftMs ? `<script>${dateShim}</script>` : ''}</head><body><script type="module" src="${framework}"></script></body></html>`,
  plugins: [esbuildPlugin({ ts: true, target: 'auto', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
};
