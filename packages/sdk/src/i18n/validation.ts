import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import zhTW from 'zod/v4/locales/zh-TW.js';
import { validationErrorFrom, ServerError } from '../errors/errors.js';
import { defaultLocale, type Locale } from '../schemas/common.js';

const errorMaps: Record<Locale, z.core.$ZodErrorMap> = {
  'zh-CN': zhCN().localeError,
  'zh-TW': zhTW().localeError,
  en: en().localeError,
};

/** Validates input and throws our `ValidationError` with field messages in the caller's locale. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, what: string, locale: Locale = defaultLocale): z.output<S> {
  const result = schema.safeParse(data, { error: errorMaps[locale] ?? errorMaps[defaultLocale] });
  if (!result.success) throw validationErrorFrom(result.error, what);
  return result.data;
}

/** Validates what a backend sent; malformed data becomes a typed `ServerError`, never a crash later on. */
export function parseResponse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'root'}: ${first.message})` : '';
    throw new ServerError(`The backend sent a malformed ${what}${where}.`, { cause: validationErrorFrom(result.error, what) });
  }
  return result.data;
}
