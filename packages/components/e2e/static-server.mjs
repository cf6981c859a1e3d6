// A tiny static server for browser checks of the built bundles, with the headers a strict site sends.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

/** Serves `routes` (path → file or string) with the given headers; returns { url, close }. */
export async function serve(routes, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url, 'http://x').pathname);
    const route = routes[path];
    try {
      const body = typeof route === 'object' && route.text !== undefined ? route.text : await readFile(route ?? '/nonexistent');
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html; charset=utf-8', ...headers }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

export const chromiumOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export const cdnFile = (name) => join(new URL('../dist/cdn/', import.meta.url).pathname, name);
