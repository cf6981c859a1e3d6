import type { Locale } from '@linli/sdk';

export type Messages = Record<string, string>;
/** zh-CN is complete; other locales may be partial and fall back to it. */
export type MessageBundle<T extends Messages> = { 'zh-CN': T } & { [L in Exclude<Locale, 'zh-CN'>]?: Partial<Record<keyof T, string>> };

export function defineMessages<const T extends Messages>(bundle: MessageBundle<T>): MessageBundle<T> {
  return bundle;
}

/**
 * Looks a string up in the locale, then zh-CN, then shows the key itself — never throws.
 * `{name}` placeholders are replaced from `params`.
 */
export function translate<T extends Messages>(bundle: MessageBundle<T>, locale: Locale, key: keyof T & string, params?: Record<string, string | number>): string {
  const text = (bundle[locale] as Partial<T> | undefined)?.[key] ?? bundle['zh-CN']?.[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
}
