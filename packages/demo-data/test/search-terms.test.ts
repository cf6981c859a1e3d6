import { matchesServiceQuery } from '@linli/sdk';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSearchTerms, renderSearchTermsModule } from '../scripts/search-terms-lib.mjs';
import { demoData } from '../src/index.js';
import { serviceSpecs } from '../src/services/index.js';

describe('pinyin search terms', () => {
  it('the committed file is what the generator produces (run `pnpm gen:search-terms` if not)', () => {
    const committed = readFileSync(new URL('../src/generated/search-terms.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderSearchTermsModule(computeSearchTerms(serviceSpecs)));
  });

  it('every service has initials and full pinyin of its name', () => {
    for (const s of demoData.services) {
      expect(s.searchTerms.length, s.code).toBeGreaterThanOrEqual(2);
      for (const term of s.searchTerms) expect(term).toMatch(/^[a-z]+$/);
    }
    const elderly = demoData.services.filter((s) => s.keywords.includes('养老'));
    expect(elderly.length).toBeGreaterThan(2);
    for (const s of elderly) expect(s.searchTerms).toEqual(expect.arrayContaining(['yl', 'yanglao']));
    const dibao = demoData.services.find((s) => s.code === 'assistance.dibao')!;
    expect(dibao.searchTerms).toEqual(expect.arrayContaining(['db', 'dibao']));
  });

  it('lets the SDK search find services by pinyin', () => {
    const hits = (q: string) => demoData.services.filter((s) => matchesServiceQuery(s, { q })).map((s) => s.code);
    expect(hits('yanglao')).toContain('elderly.home-care');
    expect(hits('dibao')).toContain('assistance.dibao');
    expect(hits('ljfl')).toContain('environment.waste');
  });
});
