/** Serialises a query the way the protocol reads it: arrays as comma lists, `undefined`/`null`/empty arrays dropped. */
export function toSearchParams(query: object | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (!query) return params;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.map(String).join(','));
      continue;
    }
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  return params;
}
