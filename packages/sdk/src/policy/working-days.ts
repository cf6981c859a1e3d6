import chineseDays from 'chinese-days';

/** Answers whether a local calendar date (YYYY-MM-DD) is a working day. */
export interface WorkCalendar {
  isWorkday(date: string): boolean;
}

/**
 * Mainland China: weekends, statutory holidays and 调休 make-up working days, from the maintained
 * `chinese-days` dataset (not a hand-written list). Years it does not cover yet fall back to Mon–Fri.
 */
export const chinaCalendar: WorkCalendar = {
  // chinese-days reads strings as UTC midnight but answers with local-time getters, so hand it a
  // local-midnight Date: the answer is then the same in every time zone the code runs in.
  isWorkday: (date) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return chineseDays.isWorkday(new Date(y, m - 1, d));
  },
};

/** Monday to Friday only, for jurisdictions without a holiday dataset. */
export const weekdayCalendar: WorkCalendar = {
  isWorkday: (date) => {
    const d = new Date(`${date}T00:00:00Z`).getUTCDay();
    return d !== 0 && d !== 6;
  },
};

const DAY = 86_400_000;

/** The local calendar date of an instant, at a fixed UTC offset (China: +480 minutes, no DST). */
export function localDate(instant: string | Date, offsetMinutes: number): string {
  const t = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + offsetMinutes * 60_000;
  return new Date(t).toISOString().slice(0, 10);
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The last instant of a local date, as a UTC ISO string (e.g. 2026-10-09 → 2026-10-09T15:59:59.999Z at +08:00). */
export function endOfLocalDay(date: string, offsetMinutes: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY - 1 - offsetMinutes * 60_000).toISOString();
}

/**
 * The deadline `n` working days after `start`: the end of the n-th working day that follows the
 * start's local date. "Within 5 working days" of a Friday-evening report ends on the next Friday.
 */
export function addWorkingDays(start: string | Date, n: number, calendar: WorkCalendar = chinaCalendar, offsetMinutes = 480): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let date = localDate(start, offsetMinutes);
  if (n === 0) return endOfLocalDay(date, offsetMinutes);
  let left = n;
  // A bounded walk: even the longest Chinese holiday block is far shorter than this.
  for (let guard = 0; left > 0 && guard < n * 7 + 60; guard++) {
    date = shiftDate(date, 1);
    if (calendar.isWorkday(date)) left--;
  }
  return endOfLocalDay(date, offsetMinutes);
}

/**
 * Working days from `from`'s local date (exclusive) to `to`'s (inclusive); negative when `to` is
 * earlier. "3 working days left" for the tracker.
 */
export function workingDaysBetween(from: string | Date, to: string | Date, calendar: WorkCalendar = chinaCalendar, offsetMinutes = 480): number {
  const a = localDate(from, offsetMinutes);
  const b = localDate(to, offsetMinutes);
  if (a === b) return 0;
  const sign = a < b ? 1 : -1;
  let [cur, end] = sign > 0 ? [a, b] : [b, a];
  let count = 0;
  while (cur < end) {
    cur = shiftDate(cur, 1);
    if (calendar.isWorkday(cur)) count++;
  }
  return sign * count;
}
