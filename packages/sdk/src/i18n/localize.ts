import { defaultLocale, locales, type Locale, type LocalizedText } from './locales.js';

/** Maps any BCP-47 tag (`zh-Hant-HK`, `en-GB`, `zh`) to the nearest supported locale. */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return defaultLocale;
  const t = tag.toLowerCase();
  if ((locales as readonly string[]).includes(tag)) return tag as Locale;
  if (t.startsWith('zh')) {
    return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
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
