import { XMLParser } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

/**
 * Elements that are lists, as `parent.child`. Matching on the parent keeps a lone `<service>` a
 * one-item list while leaving e.g. a `<show_if><attribute_code>` scalar.
 */
const LIST_PATHS = [
  'services.service',
  'attributes.attribute',
  'values.value',
  'show_if.equals',
  'service_requests.request',
  'notes.note',
  'errors.error',
  'endpoints.endpoint',
  'formats.format',
];

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  // Every value stays a string: service_code `001` must not become 1, ids must not lose digits.
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jpath) => {
    const path = String(jpath);
    return LIST_PATHS.some((p) => path === p || path.endsWith(`.${p}`));
  },
});

export class MalformedError extends Error {}

/**
 * JSON as real endpoints send it. Integers of 16+ digits are read as strings (ids would otherwise
 * lose digits), and numbers with leading zeros, which are invalid JSON but appear in the spec's own
 * example (`"service_code":006`), are read as strings too.
 */
export function parseJson(text: string): unknown {
  const src = text.replace(/^\uFEFF/, '');
  const quoteLongInts = src.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, '$1"$2"');
  for (const candidate of [quoteLongInts, src, src.replace(/([:[,]\s*)(-?0\d+(?:\.\d+)?)(?=\s*[,\]}])/g, '$1"$2"')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next reading
    }
  }
  throw new MalformedError('The endpoint sent malformed JSON.');
}

export function parseXml(text: string): Record<string, unknown> {
  const src = text.replace(/^\uFEFF/, '').trim();
  if (!src.startsWith('<')) throw new MalformedError('The endpoint sent something that is not XML.');
  try {
    return xmlParser.parse(src) as Record<string, unknown>;
  } catch (err) {
    throw new MalformedError(`The endpoint sent malformed XML: ${(err as Error).message}`);
  }
}

export function parseBody(text: string, format: Format): unknown {
  return format === 'json' ? parseJson(text) : parseXml(text);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The items of a list document, whatever the wrapping: XML `<root><item>…</item></root>`, a JSON
 * array, a JSON object wrapping the array (`{"services":[…]}`), or a lone JSON object.
 */
export function itemsOf(doc: unknown, root: string, item: string): Obj[] {
  if (Array.isArray(doc)) return doc.filter(isObj);
  if (!isObj(doc)) return [];
  const wrapped = doc[root];
  if (Array.isArray(wrapped)) return wrapped.filter(isObj);
  if (isObj(wrapped)) {
    const inner = wrapped[item];
    if (Array.isArray(inner)) return inner.filter(isObj);
    if (isObj(inner)) return [inner];
    return [];
  }
  if (wrapped === '' || wrapped === null) return [];
  return root in doc ? [] : [doc];
}

/** A nested list inside an item: JSON `[…]`, XML `{ value: […] }` (or `''` when empty). */
export function nestedList(v: unknown, item: string): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  if (isObj(v)) {
    const inner = v[item];
    if (Array.isArray(inner)) return inner.filter(isObj);
    if (isObj(inner)) return [inner];
  }
  return [];
}

/** A list of scalars inside an item: JSON `["a"]`, XML `{ format: ["a"] }`. */
export function nestedScalars(v: unknown, item: string): string[] {
  const raw = Array.isArray(v) ? v : isObj(v) ? ([] as unknown[]).concat(v[item] ?? []) : v === undefined ? [] : [v];
  return raw.map(str).filter((s): s is string => s !== undefined);
}

/** A value as a trimmed string; empty elements, `null` and objects count as absent (the spec: empty = absent). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s === '' ? undefined : s;
}

export function num(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined || !/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function bool(v: unknown): boolean | undefined {
  const s = str(v)?.toLowerCase();
  return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : undefined;
}

export { isObj, type Obj };
