import { describe, expect, it } from 'vitest';
import { fromLinliCode, toLinliCode } from '../src/index.js';
import { isoDate } from '../src/mapping/requests.js';
import { trackingCodeFor, refFromTrackingCode } from '../src/mapping/tracking.js';
import { itemsOf, parseJson, parseXml } from '../src/wire/parse.js';

const LINLI_CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

describe('service codes from foreign endpoints', () => {
  const samples = ['001', 'street-light', 'DMV66', 'SR-PTH', 'Pothole Repair', 'pot_hole', 'Ab_C', '4ffa4c69601827691b000018', '路灯', 'a/b?c', '_x', 'x_y', 'u_dmv66', 'ÄÖ', '😀'];

  it('passes codes that already fit through unchanged', () => {
    for (const code of ['001', 'street-light', 'environment.street-light', '4ffa4c69601827691b000018']) expect(toLinliCode(code)).toBe(code);
  });

  it('escapes the others into valid Linli codes and back, without collisions', () => {
    const seen = new Map<string, string>();
    for (const code of samples) {
      const linli = toLinliCode(code);
      expect(linli, code).toMatch(LINLI_CODE);
      expect(fromLinliCode(linli), code).toBe(code);
      expect(seen.get(linli), `${code} collides with ${seen.get(linli)}`).toBeUndefined();
      seen.set(linli, code);
    }
    expect(toLinliCode('DMV66')).toBe('u_dmv66');
    expect(toLinliCode('Pothole Repair')).toBe('x__pothole_000020_repair');
  });

  it('round-trips random codes', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'abcXYZ019_-. /:路😀';
    const chars = [...alphabet];
    for (let i = 0; i < 2000; i++) {
      const len = 1 + Math.floor(rand() * 12);
      const code = Array.from({ length: len }, () => chars[Math.floor(rand() * chars.length)]).join('');
      const linli = toLinliCode(code);
      expect(linli, code).toMatch(LINLI_CODE);
      if (!linli.startsWith('h_')) expect(fromLinliCode(linli), code).toBe(code);
    }
  });

  it('hashes codes too long to escape, leaving them to the service list to resolve', () => {
    const long = 'Very Long Service Name With Spaces And Capitals 2024';
    const linli = toLinliCode(long);
    expect(linli).toMatch(/^h_/);
    expect(linli).toMatch(LINLI_CODE);
    expect(fromLinliCode(linli)).toBeUndefined();
  });
});

describe('tracking codes', () => {
  it('keeps ids, pads short ones and marks tokens', () => {
    expect(trackingCodeFor({ kind: 'id', value: '638344' })).toBe('638344');
    expect(trackingCodeFor({ kind: 'id', value: '42' })).toBe('id~42');
    expect(trackingCodeFor({ kind: 'token', value: '12345' })).toBe('token~12345');
    for (const ref of [{ kind: 'id', value: '42' }, { kind: 'id', value: 'token~x' }, { kind: 'token', value: 'abc' }] as const) {
      expect(refFromTrackingCode(trackingCodeFor(ref))).toEqual(ref);
    }
  });
});

describe('JSON and XML as endpoints really send them', () => {
  it('reads leading zeros and long integers as strings', () => {
    expect(parseJson('[{"service_code":006,"n":6}]')).toEqual([{ service_code: '006', n: 6 }]);
    expect(parseJson('[{"service_request_id":12345678901234567890}]')).toEqual([{ service_request_id: '12345678901234567890' }]);
    expect(parseJson('\uFEFF[]')).toEqual([]);
    expect(parseJson('[{"description":"call 12345678901234567, ok"}]')).toEqual([{ description: 'call 12345678901234567, ok' }]);
  });

  it('finds the items whatever the wrapping', () => {
    expect(itemsOf({ service_requests: [{ a: 1 }] }, 'service_requests', 'request')).toEqual([{ a: 1 }]);
    expect(itemsOf({ service_request_id: '1' }, 'service_requests', 'request')).toEqual([{ service_request_id: '1' }]);
    expect(itemsOf(parseXml('<service_requests/>'), 'service_requests', 'request')).toEqual([]);
    expect(itemsOf(parseXml('<services><service><service_code>001</service_code></service></services>'), 'services', 'service')).toEqual([{ service_code: '001' }]);
  });

  it('keeps XML values as trimmed strings with entities decoded', () => {
    const doc = parseXml('<?xml version="1.0"?><service_requests><request><lat> 37.10 </lat><description>A &amp; B 路灯</description></request></service_requests>');
    expect(itemsOf(doc, 'service_requests', 'request')).toEqual([{ lat: '37.10', description: 'A & B 路灯' }]);
  });

  it('normalises date-times to ISO 8601 with an offset', () => {
    expect(isoDate('2010-04-14T06:37:38-08:00')).toBe('2010-04-14T06:37:38-08:00');
    expect(isoDate('2010-04-14T06:37:38-0800')).toBe('2010-04-14T06:37:38-08:00');
    expect(isoDate('2010-04-14T06:37:38+08')).toBe('2010-04-14T06:37:38+08:00');
    expect(isoDate('2010-04-14 06:37:38', '+08:00')).toBe('2010-04-14T06:37:38+08:00');
    expect(isoDate('2010-04-14T06:37Z')).toBe('2010-04-14T06:37:00Z');
    expect(isoDate('2010-04-14T06:37:38.123z')).toBe('2010-04-14T06:37:38.123Z');
    expect(isoDate('2010-04-14')).toBe('2010-04-14T00:00:00.000Z');
    expect(isoDate('soon')).toBeUndefined();
    expect(isoDate('')).toBeUndefined();
  });
});
