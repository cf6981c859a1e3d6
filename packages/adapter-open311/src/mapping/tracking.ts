/**
 * Open311 has no access code: every request is public to anyone with its id. The receipt still needs
 * a tracking code (4–40 characters) and an access code, so:
 *
 * - tracking code = the `service_request_id`; ids shorter than 4 characters are written `id~42`;
 * - a POST that returned a `token` (batch services) gets tracking code `token~<token>`, resolved
 *   through `tokens/{token}` each time it is tracked;
 * - access code = the id (or token) itself. The adapter refuses a pair that does not belong together,
 *   so a typo is caught, but it protects nothing: the request is public on the endpoint anyway.
 */
export type RequestRef = { kind: 'id'; value: string } | { kind: 'token'; value: string };

const TOKEN = 'token~';
const ID = 'id~';

export function trackingCodeFor(ref: RequestRef): string {
  if (ref.kind === 'token') return `${TOKEN}${ref.value}`;
  return ref.value.length < 4 || ref.value.startsWith(TOKEN) || ref.value.startsWith(ID) ? `${ID}${ref.value}` : ref.value;
}

export function refFromTrackingCode(code: string): RequestRef {
  const c = code.trim();
  if (c.startsWith(TOKEN)) return { kind: 'token', value: c.slice(TOKEN.length) };
  if (c.startsWith(ID)) return { kind: 'id', value: c.slice(ID.length) };
  return { kind: 'id', value: c };
}

export const accessCodeFor = (ref: RequestRef): string => ref.value;

export function accessCodeMatches(ref: RequestRef, accessCode: string): boolean {
  return accessCode.trim() === ref.value;
}
