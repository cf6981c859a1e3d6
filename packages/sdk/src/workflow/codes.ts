/** No 0/O, 1/I/L: codes are read aloud on the phone and typed by elderly residents. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function randomChars(n: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(n));
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A public tracking code such as `MQ-261122-7KXD`: date for staff, randomness so codes cannot be enumerated. */
export function newTrackingCode(now: Date = new Date(), utcOffsetMinutes = 480): string {
  const ymd = new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(2, 10).replace(/-/g, '');
  return `MQ-${ymd}-${randomChars(4)}`;
}

/** The secret 查询码 (8 characters, ~40 bits) that lets a resident see their own case; stored only hashed. */
export function newAccessCode(): string {
  return randomChars(8);
}

/** Case- and separator-insensitive, so `k7qm 4xpd` matches `K7QM4XPD`. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** SHA-256 of the normalised access code, hex. Works in Node 20 and browsers (WebCrypto). */
export async function hashAccessCode(code: string, salt = ''): Promise<string> {
  const data = new TextEncoder().encode(`${salt}:${normalizeCode(code)}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Constant-time string comparison for hashes. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
