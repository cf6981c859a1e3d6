import type { Locale } from '@linli/sdk';

/** Grievances happen in Chinese communities: times are shown in Beijing time whatever the browser's zone. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, ...options })));
  return f;
}

const yearOf = (instant: string | Date) => formatter('en', { year: 'numeric' }).format(new Date(instant));

/** "11月27日" / "November 27" — with the year only when it is not this year. */
export function formatDay(instant: string, locale: Locale, now: Date = new Date()): string {
  const withYear = yearOf(instant) !== yearOf(now);
  return formatter(locale, { ...(withYear ? { year: 'numeric' } : {}), month: 'long', day: 'numeric' }).format(new Date(instant));
}

/** "2026年11月20日 09:05" / "November 20, 2026 at 09:05" in Beijing time. */
export function formatDateTime(instant: string, locale: Locale): string {
  return formatter(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** `<input type="datetime-local">` gives "2026-11-25T14:30" with no zone; the resident means Beijing time. */
export function localInputToIso(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return `${v}:00${OFFSET}`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(v)) return `${v}${OFFSET}`;
  return v;
}

/** A random key; `crypto.randomUUID` needs a secure context, which a CMS page on plain http is not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `lk-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
