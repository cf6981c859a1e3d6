import type { Locale, Notice, NoticeCategory } from '@linli/sdk';

/**
 * Notices are posted by communities in China (mainland, HK and TW all use UTC+8), so dates show in China
 * time: "11月25日" means the same day to every reader, whatever their device's time zone.
 */
export const NOTICE_TIME_ZONE = 'Asia/Shanghai';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const categoryLabels: Record<Locale, Record<NoticeCategory, string>> = {
  'zh-CN': {
    'party-affairs': '党务',
    'resident-affairs': '居务',
    'government-affairs': '政务',
    finance: '财务',
    policy: '政策',
    event: '活动',
    emergency: '紧急',
    service: '服务',
  },
  'zh-TW': {
    'party-affairs': '黨務',
    'resident-affairs': '居務',
    'government-affairs': '政務',
    finance: '財務',
    policy: '政策',
    event: '活動',
    emergency: '緊急',
    service: '服務',
  },
  en: {
    'party-affairs': 'Party affairs',
    'resident-affairs': 'Community affairs',
    'government-affairs': 'Government affairs',
    finance: 'Finances',
    policy: 'Policy',
    event: 'Events',
    emergency: 'Emergency',
    service: 'Services',
  },
};

export function categoryLabel(locale: Locale, category: string): string {
  return (categoryLabels[locale] as Record<string, string>)[category] ?? (categoryLabels['zh-CN'] as Record<string, string>)[category] ?? category;
}

/** "11月18日" / "Nov 18". */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: NOTICE_TIME_ZONE }).format(new Date(iso));
}

/** "2025年11月18日" / "18 Nov 2025". */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: NOTICE_TIME_ZONE }).format(
    new Date(iso),
  );
}

export type PublicityPhase =
  | { phase: 'upcoming' }
  | { phase: 'open'; days: number; hours: number }
  | { phase: 'closed' };

/** Where a 公示 window stands at `now`, with whole days and hours left while it is open. */
export function publicityPhase(window: { from: string; to: string }, now: Date): PublicityPhase {
  const t = now.getTime();
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (t < from) return { phase: 'upcoming' };
  if (t >= to) return { phase: 'closed' };
  const left = to - t;
  return { phase: 'open', days: Math.floor(left / DAY), hours: Math.floor((left % DAY) / HOUR) };
}

/** "12 KB" / "1.4 MB" — what a resident needs to decide whether to download on a phone plan. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** An absolute http(s) URL, or undefined for anything else (javascript:, data:, garbage). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A plausible e-mail address for a mailto: link (no spaces, quotes or angle brackets). */
export function safeEmail(email: string | undefined): string | undefined {
  return email && /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(email) ? email : undefined;
}

/** Pinned first, then newest first; the adapter's order is not trusted. */
export function sortNotices(notices: Notice[]): Notice[] {
  return [...notices].sort((a, b) => Number(b.pinned) - Number(a.pinned) || Date.parse(b.publishAt) - Date.parse(a.publishAt));
}
