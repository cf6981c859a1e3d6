import { calendarOf, localDate, type Policy, type WorkCalendar } from '@linli/sdk';

/** 2026-11-20 09:00 Beijing time: the dataset's "now". Every timestamp in it lies before this instant. */
export const DEMO_NOW = '2026-11-20T01:00:00.000Z';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** China has one offset and no DST. */
const OFFSET = 480;
/** Office day used for staff actions: 08:30–17:30 local. */
const OPEN = 8 * 60 + 30;
const CLOSE = 17 * 60 + 30;
export const OFFICE_MINUTES_PER_DAY = CLOSE - OPEN;

export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (instant: string) => Date.parse(instant);

/** `YYYY-MM-DD` + local `HH:MM` (UTC+8) as a UTC ISO instant. */
export function atLocal(date: string, hhmm = '09:00'): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return iso(Date.parse(`${date}T00:00:00Z`) + (h * 60 + m - OFFSET) * MINUTE);
}

export function localDay(instant: string): string {
  return localDate(instant, OFFSET);
}

/** Minutes since local midnight. */
function localMinutes(t: number): number {
  return Math.floor((((t + OFFSET * MINUTE) % DAY) + DAY) % DAY / MINUTE);
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The local date `days` calendar days before `instant`'s local date. */
export function daysBefore(instant: string, days: number): string {
  return shiftDate(localDay(instant), -days);
}

export function addMinutes(instant: string, minutes: number): string {
  return iso(ms(instant) + minutes * MINUTE);
}

/** Working-time arithmetic on the jurisdiction's calendar (holidays and 调休 included). */
export class OfficeClock {
  readonly calendar: WorkCalendar;

  constructor(policy: Policy) {
    this.calendar = calendarOf(policy);
  }

  isWorkday(date: string): boolean {
    return this.calendar.isWorkday(date);
  }

  /** The first office minute at or after `instant`. */
  nextOpen(instant: string): string {
    let t = ms(instant);
    for (let guard = 0; guard < 60; guard++) {
      const date = localDay(iso(t));
      const mins = localMinutes(t);
      if (this.isWorkday(date) && mins < CLOSE) {
        return mins < OPEN ? atLocal(date, hhmm(OPEN)) : iso(t);
      }
      t = ms(atLocal(shiftDate(date, 1), hhmm(OPEN)));
    }
    throw new Error(`no working day found after ${instant}`);
  }

  /** Adds office minutes, skipping nights, weekends and holidays. */
  addWorkingMinutes(instant: string, minutes: number): string {
    let t = ms(this.nextOpen(instant));
    let left = Math.max(0, Math.round(minutes));
    for (let guard = 0; left > 0 && guard < 400; guard++) {
      const room = CLOSE - localMinutes(t);
      if (left < room) return iso(t + left * MINUTE);
      left -= room;
      t = ms(this.nextOpen(iso(t + room * MINUTE)));
    }
    return iso(t);
  }

  /** Office minutes between two instants (0 when `b` is not after `a`). */
  workingMinutesBetween(a: string, b: string): number {
    let t = ms(this.nextOpen(a));
    const end = ms(b);
    let total = 0;
    for (let guard = 0; t < end && guard < 400; guard++) {
      const room = CLOSE - localMinutes(t);
      const stop = Math.min(end, t + room * MINUTE);
      total += (stop - t) / MINUTE;
      t = ms(this.nextOpen(iso(t + room * MINUTE)));
    }
    return Math.round(total);
  }

  /** A working day's local date `n` working days before `date` (n = 0: the date itself if it is one). */
  workdayBefore(date: string, n: number): string {
    let d = date;
    while (!this.isWorkday(d)) d = shiftDate(d, -1);
    for (let left = n; left > 0; ) {
      d = shiftDate(d, -1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Residents act at any hour but mostly while awake: shifts `instant` by `hours` and, if that lands
 * between 22:30 and 07:00 local, moves it to the next morning.
 */
export function addWakingHours(instant: string, hours: number, jitterMinutes = 0): string {
  let t = ms(instant) + hours * 3_600_000 + jitterMinutes * MINUTE;
  const mins = localMinutes(t);
  // Pushed to the next morning, spread over 07:00–08:36 so mornings do not all start on the minute.
  const spread = mins % 97;
  if (mins >= 22 * 60 + 30) t += (24 * 60 - mins + 7 * 60 + spread) * MINUTE;
  else if (mins < 7 * 60) t += (7 * 60 - mins + spread) * MINUTE;
  return iso(t);
}

export function minIso(a: string, b: string): string {
  return ms(a) <= ms(b) ? a : b;
}
