import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => unknown;

export interface ScriptedServer {
  /** `http://127.0.0.1:PORT/api/v1` */
  baseUrl: string;
  requests: RecordedRequest[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A tiny real HTTP server whose behaviour each test scripts; it records every request it sees. */
export async function startScriptedServer(initial?: Handler): Promise<ScriptedServer> {
  let handler: Handler = initial ?? ((_, res) => json(res, 404, { code: 'not_found', message: 'nothing here' }));
  const requests: RecordedRequest[] = [];
  const server = createServer(async (raw, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const url = new URL(raw.url ?? '/', 'http://localhost');
    const req: RecordedRequest = { method: raw.method ?? 'GET', path: url.pathname, url, headers: raw.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
    requests.push(req);
    try {
      await handler(req, res, raw);
    } catch (error) {
      if (!res.headersSent) json(res, 500, { code: 'server', message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that refuses connections: bound, then released. */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/v1`;
}
