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

function parts(s: string): { y: number; m: number; d?: number } {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number?];
  return d === undefined ? { y, m } : { y, m, d };
}

// Made once: building a formatter is far slower than using one.
const dayFormat = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', timeZone: 'UTC' });

/** The day (or month) in Japanese: "2025年3月11日", "2025年3月". Uses Intl so the format is the platform's. */
function formatOne(s: string): string {
  const { y, m, d } = parts(s);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return (d === undefined ? monthFormat : dayFormat).format(date);
}

/**
 * A dating in Japanese news style: "2025年3月11日", "2025年3月23〜25日", "2025年3月",
 * "2025年4月17日ごろ". A span drops what it shares with its start (year, month).
 */
export function formatDating(d: DatingLike): string {
  let text = formatOne(d.date);
  if (d.end) {
    const a = parts(d.date);
    const b = parts(d.end);
    // Within one month the start drops its 日: 「3月23〜25日」, otherwise 「3月30日〜4月2日」.
    if (a.y !== b.y) text = `${text}〜${formatOne(d.end)}`;
    else if (a.m !== b.m) text = `${text}〜${b.m}月${b.d}日`;
    else text = `${text.replace(/日$/, '')}〜${b.d}日`;
  }
  return d.precision === 'approximate' ? `${text}ごろ` : text;
}

/** The short form used in timeline rows: "3月11日", "3月23〜25日", "3月". */
export function formatDatingShort(d: DatingLike): string {
  return formatDating(d).replace(/^\d+年/, '');
}

/** The machine-readable value for `<time datetime>`: the start day or month. */
export function datetimeAttr(d: DatingLike): string {
  return d.date;
}

/** "YYYY-MM" of the start, for grouping by month. */
export function monthKey(d: DatingLike): string {
  return d.date.slice(0, 7);
}

/** "2025年3月" for a month key. */
export function formatMonthKey(key: string): string {
  return formatOne(key);
}

/** Sort key that puts a month before the days in it and a span at its start. */
export function datingSortKey(d: DatingLike): string {
  return d.date.length === 7 ? `${d.date}-00` : d.date;
}
