import { describe, expect, it } from 'vitest';
import { createDemoData, demoData } from '../src/index.js';

describe('determinism', () => {
  it('gives the same data on every call', () => {
    expect(createDemoData()).toEqual(createDemoData());
    expect(createDemoData()).toEqual(demoData);
  });

  it('accepts another anchor and keeps everything before it', () => {
    const now = '2027-03-15T02:00:00.000Z';
    const data = createDemoData({ now: '2027-03-15T10:00:00+08:00' });
    expect(data.now).toBe(now);
    const latest = Math.max(...data.grievances.flatMap((g) => g.timeline.map((e) => Date.parse(e.at))), ...data.evaluations.map((e) => Date.parse(e.updatedAt)));
    expect(latest).toBeLessThan(Date.parse(now));
    expect(new Set(data.grievances.map((g) => g.status)).size).toBe(new Set(demoData.grievances.map((g) => g.status)).size);
    expect(() => createDemoData({ now: 'yesterday' })).toThrow(RangeError);
  });

  it('does not use Math.random or the clock', () => {
    const random = Math.random;
    const dateNow = Date.now;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    Date.now = () => {
      throw new Error('Date.now used');
    };
    try {
      expect(() => createDemoData()).not.toThrow();
    } finally {
      Math.random = random;
      Date.now = dateNow;
    }
  });
});
