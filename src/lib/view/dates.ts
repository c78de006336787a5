// Dates as the pages write them, in Japanese news style (the dating itself: src/lib/content/dates.ts).
import type { DatingLike } from '../content/dates.ts';

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

/** "2025年3月" for a month key. */
export function formatMonthKey(key: string): string {
  return formatOne(key);
}
