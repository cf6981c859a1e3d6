import { defaultLocale, locales, type Locale, type LocalizedText } from './locales.js';

/** Maps any BCP-47 tag (`zh-Hant-HK`, `en-GB`, `zh`) to the nearest supported locale. */
export function resolveLocale(tag: unknown): Locale {
  if (typeof tag !== 'string' || !tag) return defaultLocale;
  const t = tag.toLowerCase().replace(/_/g, '-');
  if ((locales as readonly string[]).includes(tag)) return tag as Locale;
  if (t.startsWith('zh')) {
    // The script decides before the region: zh-Hans-HK is simplified Chinese.
    if (/-hans\b/.test(t)) return 'zh-CN';
    return /-hant\b|-(tw|hk|mo)\b/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  if (t.startsWith('en')) return 'en';
  return defaultLocale;
}

/** Picks the text for a locale: the locale itself, then zh-CN. Never throws, even on a malformed value. */
export function localize(text: LocalizedText | string | null | undefined, locale: Locale = defaultLocale): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? text.en ?? '';
}
