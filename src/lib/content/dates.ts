// Dates as the story knows them: a day, a month, or a span, each with how precise it is.
// Everything is computed from the ISO strings in the content, never from the clock.
// Calendar days carry no time zone: they are the local day where the event happened.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** True when `s` is "YYYY-MM-DD" and that day exists (2025-02-29 does not). */
export function isRealDate(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True when `s` is "YYYY-MM" with a month from 01 to 12. */
export function isRealMonth(s: string): boolean {
  const m = MONTH.exec(s);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export interface DatingLike {
  date: string;
  end?: string | undefined;
  precision: 'day' | 'month' | 'approximate';
}

/** "YYYY-MM" of the start, for grouping by month. */
export function monthKey(d: DatingLike): string {
  return d.date.slice(0, 7);
}

/** Sort key that puts a month before the days in it and a span at its start. */
export function datingSortKey(d: DatingLike): string {
  return d.date.length === 7 ? `${d.date}-00` : d.date;
}
