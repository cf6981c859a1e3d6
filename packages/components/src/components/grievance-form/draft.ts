import type { FormValues } from './form-model.js';

const PREFIX = 'linli:grievance-draft:';

/**
 * What survives a reload: the text and choices, and the idempotency key, so a submission whose answer was
 * lost is not filed twice. Name and phone are left out on purpose: a kiosk tab outlives its resident.
 */
export interface Draft {
  v: 1;
  values: Omit<FormValues, 'name' | 'phone' | 'point'>;
  idempotencyKey?: string;
}

/** One draft per page form: keyed by the fixed service, or shared by the forms that let residents choose. */
export const draftKey = (fixedService?: string) => `${PREFIX}${fixedService || '*'}`;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled (privacy mode, sandboxed iframe)
  }
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = storage()?.getItem(key);
    const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
    return draft?.v === 1 && draft.values && typeof draft.values === 'object' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, values: FormValues, idempotencyKey?: string): void {
  const { name: _name, phone: _phone, point: _point, ...kept } = values;
  const draft: Draft = { v: 1, values: kept, ...(idempotencyKey ? { idempotencyKey } : {}) };
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota or disabled storage: the form still works, only the reload safety net is gone.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}

/** True when a draft holds something the resident typed or chose (not just defaults). */
export function hasContent(values: Partial<FormValues>): boolean {
  return Boolean(
    values.description?.trim() ||
      values.address?.trim() ||
      values.gridId ||
      Object.values(values.attributesByService ?? {}).some((a) => Object.keys(a).length > 0),
  );
}
