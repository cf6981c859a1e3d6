import type { FieldIssue } from '../errors/errors.js';
import type { Locale } from './common.js';
import type { AttributeDefinition, AttributeValue, Service } from './service.js';

/** Is an attribute visible given the values entered so far (its `showIf` condition)? */
export function isAttributeShown(def: AttributeDefinition, values: Record<string, AttributeValue | undefined>): boolean {
  if (!def.showIf) return true;
  const v = values[def.showIf.attribute];
  const want = def.showIf.equals;
  if (Array.isArray(want)) return Array.isArray(v) ? v.some((x) => want.includes(x)) : want.includes(String(v));
  if (typeof want === 'boolean') return v === want || v === String(want);
  return Array.isArray(v) ? v.includes(want) : v === want;
}

const messages = {
  required: { 'zh-CN': '此项必填', 'zh-TW': '此項必填', en: 'This field is required' },
  type: { 'zh-CN': '格式不正确', 'zh-TW': '格式不正確', en: 'This value has the wrong format' },
  choice: { 'zh-CN': '请从列表中选择', 'zh-TW': '請從列表中選擇', en: 'Choose a value from the list' },
  unknown: { 'zh-CN': '该服务没有这一项', 'zh-TW': '該服務沒有這一項', en: 'This service has no such field' },
} satisfies Record<string, Record<Locale, string>>;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function typeOk(def: AttributeDefinition, v: AttributeValue): boolean {
  switch (def.datatype) {
    case 'number':
      return typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
    case 'boolean':
      return typeof v === 'boolean' || v === 'true' || v === 'false';
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v));
    case 'multivaluelist':
      return Array.isArray(v) || typeof v === 'string';
    case 'note':
      return true;
    default:
      return typeof v === 'string';
  }
}

/**
 * Checks dynamic attributes against a service's definition: required fields that are shown, datatypes,
 * list values, unknown codes. Hidden (`showIf`) attributes are never required. Messages are localised.
 */
export function validateAttributes(service: Pick<Service, 'definition'>, values: Record<string, AttributeValue>, locale: Locale = 'zh-CN'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byCode = new Map(service.definition.map((d) => [d.code, d]));
  const issue = (code: string, kind: keyof typeof messages) => issues.push({ path: `attributes.${code}`, message: messages[kind][locale], code: kind });
  for (const code of Object.keys(values)) if (!byCode.has(code)) issue(code, 'unknown');
  for (const def of service.definition) {
    if (def.datatype === 'note' || !isAttributeShown(def, values)) continue;
    const v = values[def.code];
    if (isEmpty(v)) {
      if (def.required) issue(def.code, 'required');
      continue;
    }
    if (!typeOk(def, v!)) {
      issue(def.code, 'type');
      continue;
    }
    if ((def.datatype === 'singlevaluelist' || def.datatype === 'multivaluelist') && def.values) {
      const keys = new Set(def.values.map((x) => x.key));
      const chosen = Array.isArray(v) ? v : String(v).split(',');
      if (!chosen.every((c) => keys.has(c))) issue(def.code, 'choice');
    }
  }
  return issues;
}
