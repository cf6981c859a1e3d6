/**
 * Open311 service codes are whatever a city chose (`DMV66`, `Sidewalk Repair`, `4ffa…`); Linli's are
 * `^[a-z0-9][a-z0-9._-]{0,63}$`. Codes that already fit and contain no `_` pass unchanged (`001`,
 * `street-light`). Others are escaped reversibly, and the escaped form always contains `_`, so the
 * two can never be confused:
 *
 * - `u_…`: the code had no lower-case letters (the usual `DMV66`, `SR-PTH`): lower-cased as a whole → `u_dmv66`.
 * - `x_…`: mixed case: each capital becomes `_` + its lower-case letter → `Pothole` → `x__pothole`.
 * - in both, `_` becomes `__` and any other character `_` + six hex digits of its code point (`␠` → `_000020`).
 * - `h_…`: the escaped form would exceed 64 characters; a hash, reversible only through the service list.
 */
const FITS = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const PLAIN = /[a-z0-9.-]/;

function escapeChars(code: string, upperMode: boolean): string {
  let out = '';
  for (const ch of code) {
    if (PLAIN.test(ch)) out += ch;
    else if (ch === '_') out += '__';
    else if (/[A-Z]/.test(ch)) out += upperMode ? ch.toLowerCase() : `_${ch.toLowerCase()}`;
    else out += `_${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  }
  return out;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function toLinliCode(open311Code: string): string {
  if (FITS.test(open311Code) && !open311Code.includes('_')) return open311Code;
  const upperMode = !/[a-z]/.test(open311Code);
  const encoded = `${upperMode ? 'u' : 'x'}_${escapeChars(open311Code, upperMode)}`;
  if (encoded.length <= 64) return encoded;
  const readable = escapeChars(open311Code.toLowerCase(), true).replace(/_[0-9a-f]{6}/g, '-').replace(/_+/g, '-').slice(0, 40);
  return `h_${fnv1a(open311Code)}-${readable}`.slice(0, 64).replace(/[-.]+$/, '');
}

/** The inverse of `toLinliCode`; `undefined` for `h_` codes, which only the service list can resolve. */
export function fromLinliCode(linliCode: string): string | undefined {
  if (!linliCode.includes('_')) return linliCode;
  const mode = linliCode.slice(0, 2);
  if (mode !== 'u_' && mode !== 'x_') return undefined;
  const body = linliCode.slice(2);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '_') {
      out += mode === 'u_' && /[a-z]/.test(ch) ? ch.toUpperCase() : ch;
      continue;
    }
    const next = body[i + 1];
    if (next === '_') {
      out += '_';
      i += 1;
    } else if (next !== undefined && /[01]/.test(next) && /^[0-9a-f]{6}$/.test(body.slice(i + 1, i + 7))) {
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 1, i + 7), 16));
      i += 6;
    } else if (mode === 'x_' && next !== undefined && /[a-z]/.test(next)) {
      out += next.toUpperCase();
      i += 1;
    } else {
      return undefined;
    }
  }
  return out;
}

const ATTRIBUTE_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** Attribute codes: Linli allows `[A-Za-z0-9_-]{1,64}`; others get a readable stand-in, kept unique within the service. */
export function attributeCodeFor(open311Code: string, taken: Set<string>): string {
  let code = ATTRIBUTE_CODE.test(open311Code) ? open311Code : open311Code.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'attribute';
  if (taken.has(code)) {
    let n = 2;
    while (taken.has(`${code}-${n}`)) n++;
    code = `${code}-${n}`;
  }
  taken.add(code);
  return code;
}
