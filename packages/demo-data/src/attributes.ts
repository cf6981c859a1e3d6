import type { AttributeDefinition, AttributeValue } from '@linli/sdk';
import type { Rng } from './random.js';

type Values = Record<string, AttributeValue>;

/** `showIf`: visible while the other attribute equals the value, or one of the listed values. */
export function isAttributeVisible(def: AttributeDefinition, values: Values): boolean {
  if (!def.showIf) return true;
  const actual = values[def.showIf.attribute];
  const wanted = def.showIf.equals;
  if (Array.isArray(wanted)) {
    return Array.isArray(actual) ? actual.some((v) => wanted.includes(v)) : typeof actual === 'string' && wanted.includes(actual);
  }
  return actual === wanted;
}

/**
 * Completes a form the way a resident would: keeps what the scenario gave, drops fields that are
 * hidden, answers required ones, and some optional ones. Free-text fields are never invented here —
 * a required one without a scenario value is a bug in the scenario and throws.
 */
export function fillAttributes(definition: readonly AttributeDefinition[], given: Values, rng: Rng, before: string): Values {
  const out: Values = {};
  for (const def of definition) {
    if (def.datatype === 'note' || !isAttributeVisible(def, out)) continue;
    const v = given[def.code];
    if (v !== undefined) {
      out[def.code] = v;
      continue;
    }
    if (!def.required && !rng.chance(0.45)) continue;
    const keys = (def.values ?? []).map((x) => x.key);
    switch (def.datatype) {
      case 'singlevaluelist':
        out[def.code] = rng.pick(keys);
        break;
      case 'multivaluelist':
        out[def.code] = rng.sample(keys, rng.int(1, Math.min(2, keys.length)));
        break;
      case 'boolean':
        out[def.code] = rng.chance(0.5);
        break;
      case 'number':
        out[def.code] = rng.int(1, 6);
        break;
      case 'datetime':
        // A date the resident mentions: shortly before they wrote.
        out[def.code] = new Date(Date.parse(before) - rng.int(2, 72) * 3_600_000).toISOString();
        break;
      default:
        if (def.required) throw new Error(`scenario must provide required ${def.datatype} attribute "${def.code}"`);
    }
  }
  return out;
}

/** Problems with a set of values against a definition; empty when they fit. */
export function attributeProblems(definition: readonly AttributeDefinition[], values: Values): string[] {
  const problems: string[] = [];
  const byCode = new Map(definition.map((d) => [d.code, d]));
  for (const [code, v] of Object.entries(values)) {
    const def = byCode.get(code);
    if (!def) {
      problems.push(`${code}: not in the service definition`);
      continue;
    }
    if (def.datatype === 'note') problems.push(`${code}: a note takes no value`);
    if (!isAttributeVisible(def, values)) problems.push(`${code}: hidden by showIf but has a value`);
    const keys = new Set((def.values ?? []).map((x) => x.key));
    const ok =
      def.datatype === 'number'
        ? typeof v === 'number'
        : def.datatype === 'boolean'
          ? typeof v === 'boolean'
          : def.datatype === 'multivaluelist'
            ? Array.isArray(v) && v.every((k) => keys.has(k))
            : def.datatype === 'singlevaluelist'
              ? typeof v === 'string' && keys.has(v)
              : def.datatype === 'datetime'
                ? typeof v === 'string' && !Number.isNaN(Date.parse(v))
                : typeof v === 'string' && v.length > 0;
    if (!ok) problems.push(`${code}: ${JSON.stringify(v)} is not a valid ${def.datatype}`);
  }
  for (const def of definition) {
    if (def.required && def.datatype !== 'note' && isAttributeVisible(def, values) && values[def.code] === undefined) problems.push(`${def.code}: required`);
  }
  return problems;
}
