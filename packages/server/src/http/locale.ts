import { defaultLocale, type Locale } from '@linli/sdk';

/** Maps one language tag onto the locales Linli ships: zh-Hant/zh-TW/zh-HK → zh-TW, other zh → zh-CN, en → en. */
function match(tag: string): Locale | undefined {
  const t = tag.toLowerCase();
  if (t === '*') return defaultLocale;
  if (t.startsWith('zh')) return /^zh-(hant|tw|hk|mo)/.test(t) ? 'zh-TW' : 'zh-CN';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

/** Picks the best supported locale from an `Accept-Language` header (q-values honoured); zh-CN by default. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = match(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}
