import { XMLBuilder } from 'fast-xml-parser';
import type { Context } from 'hono';

/** GeoReport v2 picks the format by path suffix: `services.json`, `requests/42.xml`. */
export type Format = 'json' | 'xml';

export const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** `environment.street-light.json` → name `environment.street-light`, format `json`. The last dot wins, so codes may contain dots. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const suffix = file.slice(dot + 1).toLowerCase();
  if (suffix !== 'json' && suffix !== 'xml') return null;
  return { name: file.slice(0, dot), format: suffix };
}

/** The spec's error item; several may be returned at once. `description` is meant for the user. */
export interface Open311Error {
  code: number;
  description: string;
}

/** Thrown inside handlers; rendered as the spec's error list with this HTTP status. */
export class Open311Failure extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500,
    readonly errors: Open311Error[],
  ) {
    super(errors.map((e) => e.description).join(' '));
  }
  static of(status: 400 | 403 | 404 | 500, description: string): Open311Failure {
    return new Open311Failure(status, [{ code: status, description }]);
  }
}

/**
 * XML 1.0 forbids most control characters; one stray `\u0007` in a resident's text would make the
 * whole document unparseable for every client, so they are dropped (lone surrogates too).
 */
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** An XML tree as fast-xml-parser's builder takes it: `null` becomes an empty element, arrays repeat the element. */
export type XmlNode = string | number | boolean | null | undefined | XmlNode[] | { [tag: string]: XmlNode };

function clean(node: XmlNode): XmlNode {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string') return node.replace(invalidXmlChars, '');
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(clean);
  const out: Record<string, XmlNode> = {};
  for (const [k, v] of Object.entries(node)) out[k] = clean(v);
  return out;
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true, ignoreAttributes: true });

/** Serialises one root element with the XML declaration; UTF-8 text (Chinese included) is written as is. */
export function toXml(root: string, body: XmlNode): string {
  // An empty list must still be `<services></services>`, never a missing root.
  const content = Array.isArray(body) && body.length === 0 ? '' : clean(body);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: content }) as string}`;
}

/** Wraps a list so the XML repeats the child element: `list('service', [...])` → `<service>…</service><service>…</service>`. */
export function list(child: string, items: XmlNode[]): XmlNode {
  return items.length ? { [child]: items } : '';
}

export interface Body {
  json: unknown;
  /** Root element name and content, exactly as in the spec's examples. */
  xml: [root: string, content: XmlNode];
}

export function respond(c: Context, format: Format, body: Body, status: 200 | 400 | 403 | 404 | 500 = 200): Response {
  const text = format === 'json' ? JSON.stringify(body.json) : toXml(body.xml[0], body.xml[1]);
  return c.body(text, status, { 'content-type': contentTypes[format] });
}

export function respondErrors(c: Context, format: Format, failure: Open311Failure): Response {
  return respond(
    c,
    format,
    { json: failure.errors, xml: ['errors', list('error', failure.errors.map((e) => ({ code: e.code, description: e.description })))] },
    failure.status,
  );
}
