import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  LinliError,
  addWorkingDays,
  calendarOf,
  chinaCalendar,
  deadline,
  defaultPolicy,
  definePolicy,
  endOfLocalDay,
  localDate,
  requiresRectification,
  weekdayCalendar,
  workingDaysBetween,
  type PolicyInput,
} from '../src/index.js';

/** The end of a Beijing local day, as the UTC instant the SDK returns. */
const endOfBeijingDay = (date: string) => `${date}T15:59:59.999Z`;
/** 10:00 Beijing time on a date. */
const beijing10am = (date: string) => `${date}T02:00:00.000Z`;

describe('the chinese-days dataset says what these tests assume', () => {
  it('2026 国庆: 10-01..07 off, make-up working days Sun 09-20 and Sat 10-10', () => {
    for (let d = 1; d <= 7; d++) expect(chineseDays.isHoliday(`2026-10-0${d}`), `10-0${d}`).toBe(true);
    expect(chineseDays.isWorkday('2026-09-20')).toBe(true);
    expect(chineseDays.isWorkday('2026-10-10')).toBe(true);
    expect(new Date('2026-09-20T00:00:00Z').getUTCDay()).toBe(0);
    expect(new Date('2026-10-10T00:00:00Z').getUTCDay()).toBe(6);
    // 中秋 falls on Fri 09-25 this year.
    expect(chineseDays.isHoliday('2026-09-25')).toBe(true);
  });

  it('2026 春节: 02-15..23 off, make-up working days Sat 02-14 and Sat 02-28', () => {
    for (let d = 15; d <= 23; d++) expect(chineseDays.isHoliday(`2026-02-${d}`), `02-${d}`).toBe(true);
    expect(chineseDays.isWorkday('2026-02-13')).toBe(true);
    expect(chineseDays.isWorkday('2026-02-24')).toBe(true);
    expect(chineseDays.isWorkday('2026-02-14')).toBe(true);
    expect(chineseDays.isWorkday('2026-02-28')).toBe(true);
    expect(new Date('2026-02-14T00:00:00Z').getUTCDay()).toBe(6);
    expect(new Date('2026-02-28T00:00:00Z').getUTCDay()).toBe(6);
  });
});

describe('chinaCalendar and weekdayCalendar', () => {
  it('chinaCalendar knows weekends, holidays and 调休 make-up days', () => {
    expect(chinaCalendar.isWorkday('2026-11-20')).toBe(true); // Friday
    expect(chinaCalendar.isWorkday('2026-11-21')).toBe(false); // Saturday
    expect(chinaCalendar.isWorkday('2026-10-01')).toBe(false); // 国庆
    expect(chinaCalendar.isWorkday('2026-10-10')).toBe(true); // 调休 Saturday
    expect(chinaCalendar.isWorkday('2026-02-14')).toBe(true); // 调休 Saturday
  });

  it('weekdayCalendar is Monday to Friday, holidays or not', () => {
    expect(weekdayCalendar.isWorkday('2026-10-01')).toBe(true);
    expect(weekdayCalendar.isWorkday('2026-11-20')).toBe(true);
    expect(weekdayCalendar.isWorkday('2026-10-10')).toBe(false);
    expect(weekdayCalendar.isWorkday('2026-09-20')).toBe(false);
    expect(weekdayCalendar.isWorkday('2026-11-22')).toBe(false);
  });

  it('chinaCalendar gives the same answer whatever time zone the process runs in', () => {
    // A server or CI runner west of UTC (or a browser abroad) must compute the same deadlines.
    const saved = process.env.TZ;
    const answers = () => ['2026-10-07', '2026-10-08', '2026-10-10', '2026-11-22', '2026-11-23'].map((d) => chinaCalendar.isWorkday(d));
    const expected = [false, true, true, false, true];
    expect(answers()).toEqual(expected);
    try {
      for (const tz of ['America/New_York', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(answers(), tz).toEqual(expected);
        expect(addWorkingDays(beijing10am('2026-09-30'), 1), tz).toBe(endOfBeijingDay('2026-10-08'));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('addWorkingDays', () => {
  it('skips a plain weekend', () => {
    // Friday 2026-11-20 + 1 → Monday 11-23; + 5 → Friday 11-27.
    expect(addWorkingDays(beijing10am('2026-11-20'), 1)).toBe(endOfBeijingDay('2026-11-23'));
    expect(addWorkingDays(beijing10am('2026-11-20'), 5)).toBe(endOfBeijingDay('2026-11-27'));
    expect(addWorkingDays(beijing10am('2026-11-18'), 2)).toBe(endOfBeijingDay('2026-11-20'));
  });

  it('skips the 国庆 holidays and counts the 10-10 make-up Saturday', () => {
    const wed = beijing10am('2026-09-30');
    expect(addWorkingDays(wed, 1)).toBe(endOfBeijingDay('2026-10-08'));
    expect(addWorkingDays(wed, 2)).toBe(endOfBeijingDay('2026-10-09'));
    expect(addWorkingDays(wed, 3)).toBe(endOfBeijingDay('2026-10-10'));
    expect(addWorkingDays(wed, 4)).toBe(endOfBeijingDay('2026-10-12'));
  });

  it('counts the 09-20 make-up Sunday and skips 中秋 (Fri 09-25)', () => {
    const fri = beijing10am('2026-09-18');
    expect(addWorkingDays(fri, 1)).toBe(endOfBeijingDay('2026-09-20'));
    expect(addWorkingDays(fri, 5)).toBe(endOfBeijingDay('2026-09-24'));
    expect(addWorkingDays(fri, 6)).toBe(endOfBeijingDay('2026-09-28'));
  });

  it('skips 春节 and counts the make-up Saturdays 02-14 and 02-28', () => {
    const fri = beijing10am('2026-02-13');
    expect(addWorkingDays(fri, 1)).toBe(endOfBeijingDay('2026-02-14'));
    expect(addWorkingDays(fri, 2)).toBe(endOfBeijingDay('2026-02-24'));
    expect(addWorkingDays(fri, 5)).toBe(endOfBeijingDay('2026-02-27'));
    expect(addWorkingDays(fri, 6)).toBe(endOfBeijingDay('2026-02-28'));
    expect(addWorkingDays(fri, 7)).toBe(endOfBeijingDay('2026-03-02'));
  });

  it('n = 0 is the end of the same local day, even on a holiday', () => {
    expect(addWorkingDays(beijing10am('2026-11-20'), 0)).toBe(endOfBeijingDay('2026-11-20'));
    expect(addWorkingDays(beijing10am('2026-10-03'), 0)).toBe(endOfBeijingDay('2026-10-03'));
  });

  it('counts from the Beijing date, not the UTC date', () => {
    // Fri 23:30 Beijing = Fri 15:30 UTC: counted from Friday → Monday.
    expect(addWorkingDays('2026-11-20T23:30:00+08:00', 1)).toBe(endOfBeijingDay('2026-11-23'));
    expect(addWorkingDays('2026-11-20T15:30:00Z', 1)).toBe(endOfBeijingDay('2026-11-23'));
    // Fri 07:30 Beijing is still Thursday in UTC; counting from Thursday would give Friday.
    expect(addWorkingDays('2026-11-20T07:30:00+08:00', 1)).toBe(endOfBeijingDay('2026-11-23'));
    // Sat 00:30 Beijing is Friday 16:30 UTC: the same day ends on Saturday night Beijing time.
    expect(addWorkingDays('2026-11-20T16:30:00Z', 0)).toBe(endOfBeijingDay('2026-11-21'));
    expect(addWorkingDays(new Date('2026-11-20T16:30:00Z'), 0)).toBe(endOfBeijingDay('2026-11-21'));
  });

  it('takes another calendar and offset', () => {
    expect(addWorkingDays(beijing10am('2026-09-30'), 3, weekdayCalendar)).toBe(endOfBeijingDay('2026-10-05'));
    expect(addWorkingDays('2026-11-20T12:00:00Z', 1, weekdayCalendar, 0)).toBe('2026-11-23T23:59:59.999Z');
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s working days with a RangeError', (n) => {
    expect(() => addWorkingDays(beijing10am('2026-11-20'), n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the start date up to and including the end date', () => {
    expect(workingDaysBetween(beijing10am('2026-11-20'), beijing10am('2026-11-23'))).toBe(1);
    expect(workingDaysBetween(beijing10am('2026-11-16'), beijing10am('2026-11-20'))).toBe(4);
    expect(workingDaysBetween(beijing10am('2026-11-20'), beijing10am('2026-11-22'))).toBe(0);
  });

  it('counts across 国庆 and 春节', () => {
    expect(workingDaysBetween(beijing10am('2026-09-30'), beijing10am('2026-10-12'))).toBe(4);
    expect(workingDaysBetween(beijing10am('2026-02-13'), beijing10am('2026-03-02'))).toBe(7);
  });

  it('is negative when the end is earlier ("2 working days overdue")', () => {
    expect(workingDaysBetween(beijing10am('2026-10-12'), beijing10am('2026-09-30'))).toBe(-4);
  });

  it('is 0 on the same local day and uses Beijing dates at the UTC boundary', () => {
    expect(workingDaysBetween('2026-11-20T16:30:00Z', '2026-11-21T10:00:00Z')).toBe(0); // both Saturday in Beijing
    expect(workingDaysBetween('2026-11-19T15:30:00Z', '2026-11-19T16:30:00Z')).toBe(1); // Thu 23:30 → Fri 00:30 Beijing
  });

  it('agrees with addWorkingDays', () => {
    const start = beijing10am('2026-09-18');
    for (let n = 1; n <= 15; n++) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
  });
});

describe('localDate and endOfLocalDay', () => {
  it('map instants to Beijing dates and back', () => {
    expect(localDate('2026-11-20T16:30:00Z', 480)).toBe('2026-11-21');
    expect(localDate('2026-11-20T16:30:00Z', 0)).toBe('2026-11-20');
    expect(endOfLocalDay('2026-10-09', 480)).toBe('2026-10-09T15:59:59.999Z');
    expect(endOfLocalDay('2026-10-09', 0)).toBe('2026-10-09T23:59:59.999Z');
  });
});

describe('deadline', () => {
  const start = beijing10am('2026-09-30');

  it('uses each step’s number of working days from the default policy', () => {
    expect(deadline(defaultPolicy, 'accept', start)).toBe(endOfBeijingDay('2026-10-08'));
    expect(deadline(defaultPolicy, 'revisit', start)).toBe(endOfBeijingDay('2026-10-09'));
    expect(deadline(defaultPolicy, 'resolve', start)).toBe(endOfBeijingDay('2026-10-13'));
    expect(deadline(defaultPolicy, 'rectify', start)).toBe(endOfBeijingDay('2026-10-13'));
    expect(deadline(defaultPolicy, 'evaluationWindow', start)).toBe(endOfBeijingDay('2026-10-13'));
  });

  it('lets a service SLA override the number of days', () => {
    expect(deadline(defaultPolicy, 'resolve', start, 1)).toBe(endOfBeijingDay('2026-10-08'));
  });

  it('follows the policy calendar, days and offset', () => {
    const weekdays = definePolicy({ jurisdiction: 'weekdays-only', calendar: 'weekdays' });
    expect(calendarOf(weekdays)).toBe(weekdayCalendar);
    expect(calendarOf(defaultPolicy)).toBe(chinaCalendar);
    expect(deadline(weekdays, 'resolve', start)).toBe(endOfBeijingDay('2026-10-07'));
    const local = definePolicy({ jurisdiction: 'longer', resolveWorkingDays: 10 });
    expect(deadline(local, 'resolve', start)).toBe(endOfBeijingDay('2026-10-20'));
    const utc = definePolicy({ jurisdiction: 'utc', calendar: 'weekdays', utcOffsetMinutes: 0 });
    expect(deadline(utc, 'accept', '2026-11-20T12:00:00Z')).toBe('2026-11-23T23:59:59.999Z');
  });
});

describe('definePolicy', () => {
  it('fills the documented defaults', () => {
    expect(definePolicy({ jurisdiction: '七里河区' })).toEqual({
      jurisdiction: '七里河区',
      calendar: 'cn',
      utcOffsetMinutes: 480,
      acceptWorkingDays: 1,
      resolveWorkingDays: 5,
      verifyWorkingDays: 1,
      rectifyWorkingDays: 5,
      revisitWorkingDays: 2,
      evaluationWindowWorkingDays: 5,
      rectificationLevels: [1, 2],
      revisitScope: 'real-name-bad',
    });
  });

  const bad: [string, unknown, string][] = [
    ['no jurisdiction', {}, 'jurisdiction'],
    ['zero days to rectify', { jurisdiction: 'x', rectifyWorkingDays: 0 }, 'rectifyWorkingDays'],
    ['fractional days', { jurisdiction: 'x', resolveWorkingDays: 2.5 }, 'resolveWorkingDays'],
    ['an unknown calendar', { jurisdiction: 'x', calendar: 'us' }, 'calendar'],
    ['an offset beyond +14:00', { jurisdiction: 'x', utcOffsetMinutes: 900 }, 'utcOffsetMinutes'],
    ['a rating level 6 that forces 整改', { jurisdiction: 'x', rectificationLevels: [6] }, 'rectificationLevels'],
  ];

  it.each(bad)('rejects %s, naming the setting', (_name, input, field) => {
    expect(() => definePolicy(input as PolicyInput)).toThrow(field);
  });

  it('rejects bad settings with a typed ValidationError, never a ZodError (SPEC §4)', () => {
    let err: unknown;
    try {
      definePolicy({ jurisdiction: 'x', rectifyWorkingDays: 0 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeDefined();
    expect(LinliError.is(err), `got ${(err as Error)?.name}`).toBe(true);
    expect(err).toMatchObject({ code: 'validation', issues: [expect.objectContaining({ path: 'rectifyWorkingDays' })] });
  });
});

describe('requiresRectification', () => {
  it('under the default policy, 不满意 and 非常不满意 always need 整改', () => {
    expect(requiresRectification(defaultPolicy, 1, false)).toBe(true);
    expect(requiresRectification(defaultPolicy, 2, false)).toBe(true);
    expect(requiresRectification(defaultPolicy, 3, false)).toBe(false);
    expect(requiresRectification(defaultPolicy, 5, false)).toBe(false);
  });

  it('when only level 1 is forced, a level-2 rating needs 整改 only for a reason that demands it', () => {
    const policy = definePolicy({ jurisdiction: 'x', rectificationLevels: [1] });
    expect(requiresRectification(policy, 1, false)).toBe(true);
    expect(requiresRectification(policy, 2, true)).toBe(true);
    expect(requiresRectification(policy, 2, false)).toBe(false);
  });

  it('a reason never turns a good or neutral rating into 整改', () => {
    const policy = definePolicy({ jurisdiction: 'x', rectificationLevels: [] });
    expect(requiresRectification(policy, 3, true)).toBe(false);
    expect(requiresRectification(policy, 4, true)).toBe(false);
    expect(requiresRectification(policy, 1, false)).toBe(false);
  });
});
