import { ValidationError, type AttributeValue, type GrievanceInputParsed } from '@linli/sdk';

/** What the form needs to know about the service beyond the input. */
export interface SubmitTarget {
  /** The endpoint's own service code. */
  open311Code: string;
  /** Linli attribute code → the endpoint's attribute code. */
  attributeCodes: Map<string, string>;
}

export interface SubmitAuth {
  apiKey: string;
  jurisdictionId?: string;
}

/** `王建国` → first_name `王建国`; `John Smith` → `John` + `Smith`. Splitting a Chinese name guesses at compound surnames, so it is not split. */
export function splitName(name: string): { first_name: string; last_name?: string } {
  const trimmed = name.trim();
  const cut = trimmed.lastIndexOf(' ');
  return cut > 0 ? { first_name: trimmed.slice(0, cut).trim(), last_name: trimmed.slice(cut + 1) } : { first_name: trimmed };
}

function appendAttribute(form: URLSearchParams, code: string, value: AttributeValue) {
  if (Array.isArray(value)) {
    for (const v of value) form.append(`attribute[${code}][]`, v);
    return;
  }
  form.append(`attribute[${code}]`, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
}

/**
 * GrievanceInput → the spec's form body. Location: point → lat/long, address → address_string,
 * address-id → address_id, a grid/building place → its address text (Open311 has no grid or building).
 * Contact details go out only for named, non-anonymous reporters.
 */
export function toOpen311Form(input: GrievanceInputParsed, target: SubmitTarget, auth: SubmitAuth): URLSearchParams {
  const form = new URLSearchParams();
  form.set('api_key', auth.apiKey);
  if (auth.jurisdictionId) form.set('jurisdiction_id', auth.jurisdictionId);
  form.set('service_code', target.open311Code);

  const loc = input.location;
  switch (loc.kind) {
    case 'point':
      form.set('lat', String(loc.lat));
      form.set('long', String(loc.long));
      break;
    case 'address':
      form.set('address_string', loc.text);
      break;
    case 'address-id':
      form.set('address_id', loc.addressId);
      break;
    case 'place': {
      const text = [loc.text, loc.unit].filter(Boolean).join(' ').trim();
      if (!text) {
        throw new ValidationError('Open311 needs coordinates, an address or an address id; a grid or building alone cannot be sent.', [
          { path: 'location.text', message: 'Open311 endpoints need an address text for a grid/building place', code: 'open311_location' },
        ]);
      }
      form.set('address_string', text);
      break;
    }
  }

  for (const [code, value] of Object.entries(input.attributes)) {
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    appendAttribute(form, target.attributeCodes.get(code) ?? code, value);
  }
  form.set('description', input.description);

  if (input.media.length > 1) {
    throw new ValidationError('Open311 takes one media_url per request.', [{ path: 'media', message: 'Open311 endpoints accept a single media URL', code: 'too_big' }]);
  }
  if (input.media[0]) form.set('media_url', input.media[0].url);

  if (!input.reporter.anonymous) {
    const { first_name, last_name } = splitName(input.reporter.name);
    form.set('first_name', first_name);
    if (last_name) form.set('last_name', last_name);
    if (input.reporter.phone) form.set('phone', input.reporter.phone);
    if (input.reporter.email) form.set('email', input.reporter.email);
  }
  return form;
}
