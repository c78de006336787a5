// The timeline grouped by month, in date order.
import type { StoryEvent } from '../content/schema.ts';
import { monthKey } from '../content/dates.ts';

export interface MonthGroup {
  /** "YYYY-MM" */
  month: string;
  events: StoryEvent[];
}

/** Consecutive events of the same month, for events already in date order. */
export function groupByMonth(events: readonly StoryEvent[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const event of events) {
    const month = monthKey(event.dating);
    const last = groups.at(-1);
    if (last?.month === month) last.events.push(event);
    else groups.push({ month, events: [event] });
  }
  return groups;
}

/**
 * The period page of an event. What happened before and at the time of the article stands on the
 * main timeline page; what happened after it stands on a page per month ("2025-04"), so that no
 * timeline page grows with the aftermath (each page stays light and quick to read). In a story
 * with very many events before the article, those stand on month pages too (placeEvents).
 */
export function periodOf(event: Pick<StoryEvent, 'relation' | 'dating'> & { period?: string | undefined }): string | undefined {
  // An event of the joined story knows its page (src/lib/content/story.ts, placeEvents).
  if ('period' in event) return event.period;
  return event.relation === 'aftermath' ? event.dating.date.slice(0, 7) : undefined;
}

/** "2025年4月" for "2025-04". */
export function formatPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

export interface Period {
  id: string;
  label: string;
  /** 「その後の時系列 2025年4月」, or 「時系列 2030年1月」 for a month that holds events before the article. */
  title: string;
  /** True when every event of the month happened after the article. */
  after: boolean;
  events: StoryEvent[];
}

/** The events of the main page, and the period pages in date order (events already in date order). */
export function timelinePages(events: readonly StoryEvent[]): { main: StoryEvent[]; periods: Period[] } {
  const main: StoryEvent[] = [];
  const periods = new Map<string, Period>();
  for (const event of events) {
    const id = periodOf(event);
    if (id === undefined) main.push(event);
    else {
      const period = periods.get(id) ?? { id, label: formatPeriod(id), title: '', after: true, events: [] };
      period.events.push(event);
      periods.set(id, period);
    }
  }
  const sorted = [...periods.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const period of sorted) {
    period.after = period.events.every((e) => e.relation === 'aftermath');
    period.title = `${period.after ? 'その後の時系列' : '時系列'} ${period.label}`;
  }
  return { main, periods: sorted };
}
