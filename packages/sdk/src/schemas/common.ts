import * as z from 'zod';

// In browsers zod must not probe `new Function` for its JIT: a strict Content-Security-Policy reports
// even a caught attempt as a violation. This runs before any schema below is created.
if (typeof document !== 'undefined') z.config({ jitless: true });

export { locales, defaultLocale, type Locale } from '../i18n/locales.js';

/** A text in several locales; zh-CN is always present and is what the others fall back to. */
export const localizedText = z.object({
  'zh-CN': z.string().min(1),
  'zh-TW': z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});
/** Kept identical to `LocalizedText` in i18n/locales.ts (zod-free, for UI bundles). */
export type { LocalizedText } from '../i18n/locales.js';

export const id = z.string().min(1).max(80);
/** ISO-8601 instant with an explicit offset (`Z` or `+08:00`). */
export const timestamp = z.iso.datetime({ offset: true });

export const entityBase = {
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
};

/** Cursor pagination shared by every list query. */
export const pageQuery = {
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
};

/** One page as an adapter returns it; the client wraps it in an async-iterable `Page`. */
export interface PageData<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export const pageData = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().min(0).optional(),
  });
