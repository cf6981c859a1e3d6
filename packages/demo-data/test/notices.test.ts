import { describe, expect, it } from 'vitest';
import { demoData } from '../src/index.js';

const d = demoData;
const t = (x: string) => Date.parse(x);
const now = t(d.now);

describe('居务公开 notices', () => {
  it('have English titles, HTML bodies and org units that exist', () => {
    const ids = new Set(d.orgUnits.map((o) => o.id));
    for (const n of d.notices) {
      expect(n.title.en, n.id).toBeTruthy();
      expect(n.body['zh-CN']).toMatch(/^<(p|ul|table)>/);
      expect(n.body['zh-CN']).not.toMatch(/<script|on\w+=|javascript:/i);
      expect(ids).toContain(n.orgUnitId);
      expect(t(n.createdAt)).toBeLessThanOrEqual(t(n.publishAt));
      if (n.expiresAt) expect(t(n.expiresAt)).toBeGreaterThan(t(n.publishAt));
    }
  });

  it('include pinned, active and expired notices, and some with attachments', () => {
    expect(d.notices.filter((n) => n.pinned).length).toBeGreaterThanOrEqual(3);
    expect(d.notices.filter((n) => n.expiresAt && t(n.expiresAt) < now).length).toBeGreaterThanOrEqual(5);
    expect(d.notices.filter((n) => !n.expiresAt || t(n.expiresAt) > now).length).toBeGreaterThanOrEqual(15);
    expect(d.notices.filter((n) => n.attachments.length).length).toBeGreaterThanOrEqual(3);
  });

  it('have a 低保公示 whose objection window is open now', () => {
    const dibao = d.notices.find((n) => n.title['zh-CN'].includes('低保') && n.publicity)!;
    expect(dibao).toBeDefined();
    expect(t(dibao.publicity!.from)).toBeLessThanOrEqual(now);
    expect(t(dibao.publicity!.to)).toBeGreaterThanOrEqual(now);
    expect(dibao.publicity!.objectionsTo.phone).toBeTruthy();
    // Names in published lists are masked.
    expect(dibao.body['zh-CN']).toMatch(/<td>.\*/);
  });

  it('include a 财务公开 with amounts and an emergency water cut', () => {
    expect(d.notices.some((n) => n.category === 'finance' && /<table>/.test(n.body['zh-CN']) && /\d{1,3},\d{3}\.\d{2}/.test(n.body['zh-CN']))).toBe(true);
    expect(d.notices.some((n) => n.category === 'emergency' && n.title['zh-CN'].includes('停水') && n.pinned)).toBe(true);
    expect(d.notices.some((n) => n.publicity && t(n.publicity.to) < now)).toBe(true);
  });
});
