import { describe, expect, it } from 'vitest';
import { loadConfig, negotiateLocale, parseRateLimit } from '../src/index.js';

describe('configuration from the environment', () => {
  it('has demo-friendly defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', corsOrigins: [], rateLimit: { limit: 30, windowMs: 60_000 }, open311ApiKeys: [] });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\.data[/\\]pglite$/);
  });

  it('reads lists, limits and paths', () => {
    const c = loadConfig({
      PORT: '8080',
      LINLI_CORS_ORIGINS: 'https://a.example, https://b.example',
      LINLI_OPEN311_API_KEYS: 'k1,k2',
      LINLI_RATE_LIMIT: '100/10s',
      DATABASE_URL: 'postgres://x@db/linli',
    });
    expect(c.port).toBe(8080);
    expect(c.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.open311ApiKeys).toEqual(['k1', 'k2']);
    expect(c.rateLimit).toEqual({ limit: 100, windowMs: 10_000 });
    expect(c.databaseUrl).toBe('postgres://x@db/linli');
  });

  it('understands rate limits in a few spellings and refuses nonsense', () => {
    expect(parseRateLimit('30')).toEqual({ limit: 30, windowMs: 60_000 });
    expect(parseRateLimit('30/min')).toEqual({ limit: 30, windowMs: 60_000 });
    expect(parseRateLimit('1000/h')).toEqual({ limit: 1000, windowMs: 3_600_000 });
    expect(parseRateLimit('off').limit).toBe(0);
    expect(() => parseRateLimit('lots')).toThrow(/LINLI_RATE_LIMIT/);
    expect(() => loadConfig({ PORT: 'http' })).toThrow(/PORT/);
  });
});

describe('Accept-Language', () => {
  it('picks zh-CN, zh-TW or en by quality, zh-CN by default', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('zh-TW')).toBe('zh-TW');
    expect(negotiateLocale('zh-Hant-HK')).toBe('zh-TW');
    expect(negotiateLocale('zh-Hans-CN,zh;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR,en;q=0.5,zh;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR,de;q=0.5')).toBe('zh-CN');
    expect(negotiateLocale('en;q=0,zh-TW;q=0.1')).toBe('zh-TW');
  });
});
