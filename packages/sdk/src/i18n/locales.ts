// Zod-free on purpose: UI bundles import these without pulling in the schema library.

/** The locales every Linli text and component ships with; zh-CN is the default and the fallback. */
export const locales = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

/** A text in several locales; zh-CN is always present and is what the others fall back to. */
export interface LocalizedText {
  'zh-CN': string;
  'zh-TW'?: string;
  en?: string;
}
