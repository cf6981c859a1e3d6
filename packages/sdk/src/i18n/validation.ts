import * as z from 'zod/mini';
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

/** Linli's own rule messages; schemas carry `linli:<key>` and the locale is chosen at parse time. */
const ruleMessages: Record<string, Record<Locale, string>> = {
  'place-needs-grid': { 'zh-CN': '请选择网格或楼栋', 'zh-TW': '請選擇網格或樓棟', en: 'Choose a grid or a building' },
  'phone-format': { 'zh-CN': '电话号码只能包含数字', 'zh-TW': '電話號碼只能包含數字', en: 'A phone number may contain digits only' },
  'level-choice': { 'zh-CN': '请从五个等级中选择一个', 'zh-TW': '請從五個等級中選擇一個', en: 'Choose one of the five levels' },
  'reason-level': { 'zh-CN': '所选原因与评价等级不符', 'zh-TW': '所選原因與評價等級不符', en: 'A chosen reason does not fit this level' },
  'service-code': { 'zh-CN': '服务编码只能包含小写字母、数字和 . _ -', 'zh-TW': '服務編碼只能包含小寫字母、數字和 . _ -', en: 'A service code may contain lowercase letters, digits and . _ -' },
  'level-slug': { 'zh-CN': '层级须为小写英文标识，如 community', 'zh-TW': '層級須為小寫英文標識，如 community', en: 'A level is a lowercase slug such as "community"' },
};

function localizeRuleMessages<E extends z.core.$ZodError>(error: E, locale: Locale): E {
  for (const issue of error.issues) {
    if (issue.message.startsWith('linli:')) {
      // `linli:<key>|<detail>`: the detail (e.g. the offending reason code) is kept after the sentence.
      const [key = '', detail] = issue.message.slice(6).split('|');
      const text = ruleMessages[key]?.[locale] ?? ruleMessages[key]?.[defaultLocale] ?? key;
      (issue as { message: string }).message = detail ? `${text}: ${detail}` : text;
    }
  }
  return error;
}

/**
 * Validates input and throws our `ValidationError` with field messages in the caller's locale.
 * Takes any zod 4 schema, zod/mini (the SDK's) or classic (an app's own).
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, data: unknown, what: string, locale: Locale = defaultLocale): z.output<S> {
  const result = z.safeParse(schema, data, { error: errorMaps[locale] ?? errorMaps[defaultLocale] });
  if (!result.success) throw validationErrorFrom(localizeRuleMessages(result.error, locale), what);
  return result.data;
}

/** Validates what a backend sent; malformed data becomes a typed `ServerError`, never a crash later on. */
export function parseResponse<S extends z.core.$ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, data);
  if (!result.success) {
    localizeRuleMessages(result.error, 'en');
    const first = result.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'root'}: ${first.message})` : '';
    throw new ServerError(`The backend sent a malformed ${what}${where}.`, { cause: validationErrorFrom(result.error, what) });
  }
  return result.data;
}
