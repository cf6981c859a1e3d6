import * as z from 'zod/mini';

// In browsers zod must not probe `new Function` for its JIT: a strict Content-Security-Policy reports
// even a caught attempt as a violation. This runs before any schema below is created.
if (typeof document !== 'undefined') z.config({ jitless: true });

export { locales, defaultLocale, type Locale } from '../i18n/locales.js';

/** A text in several locales; zh-CN is always present and is what the others fall back to. */
export const localizedText = z.object({
  'zh-CN': z.string().check(z.minLength(1)),
  'zh-TW': z.optional(z.string().check(z.minLength(1))),
  en: z.optional(z.string().check(z.minLength(1))),
});
/** Kept identical to `LocalizedText` in i18n/locales.ts (zod-free, for UI bundles). */
export type { LocalizedText } from '../i18n/locales.js';

export const id = z.string().check(z.minLength(1), z.maxLength(80));
/** ISO-8601 instant with an explicit offset (`Z` or `+08:00`). */
export const timestamp = z.iso.datetime({ offset: true });

export const entityBase = {
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
};

/** Cursor pagination shared by every list query. */
export const pageQuery = {
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
};

/** One page as an adapter returns it; the client wraps it in an async-iterable `Page`. */
export interface PageData<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export const pageData = <T extends z.core.SomeType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.optional(z.number().check(z.int(), z.gte(0))),
  });
