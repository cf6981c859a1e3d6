import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the neighbour answers for one route. */
export interface Reply {
  status?: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Answer late, to exercise timeouts and aborts. */
  delayMs?: number;
  /** Drop the connection without answering. */
  destroy?: boolean;
}

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

type Route = Reply | Reply[] | ((call: Call) => Reply);

/**
 * A small real HTTP server in the shape of someone else's Open311 endpoint: routes are
 * `"GET /open311/services.xml"` → a reply (or a sequence of replies, one per call).
 */
export class Neighbour {
  readonly calls: Call[] = [];
  private routes = new Map<string, Route>();
  private server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const u = new URL(req.url ?? '/', 'http://localhost');
        const call: Call = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers, body };
        this.calls.push(call);
        const route = this.routes.get(`${call.method} ${call.path}`);
        let reply: Reply;
        if (!route) reply = { status: 404, body: '<errors><error><code>404</code><description>not routed in the test</description></error></errors>', contentType: 'text/xml' };
        else if (typeof route === 'function') reply = route(call);
        else if (Array.isArray(route)) reply = route.length > 1 ? route.shift()! : route[0]!;
        else reply = route;
        const send = () => {
          if (reply.destroy) return req.socket.destroy();
          res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json; charset=utf-8', ...reply.headers });
          res.end(reply.body ?? '');
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  on(route: string, reply: Route): this {
    this.routes.set(route, reply);
    return this;
  }

  reset(): void {
    this.routes.clear();
    this.calls.length = 0;
  }

  callsTo(route: string): Call[] {
    const [method, path] = route.split(' ');
    return this.calls.filter((c) => c.method === method && c.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const xml = (body: string): Reply => ({ body: `<?xml version="1.0" encoding="utf-8"?>\n${body}`, contentType: 'text/xml; charset=utf-8' });
export const json = (body: unknown, status = 200): Reply => ({ body: typeof body === 'string' ? body : JSON.stringify(body), status, contentType: 'application/json; charset=utf-8' });
