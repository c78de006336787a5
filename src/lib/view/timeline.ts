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
 * timeline page grows with the aftermath (each page stays light and quick to read).
 */
export function periodOf(event: Pick<StoryEvent, 'relation' | 'dating'>): string | undefined {
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
      const period = periods.get(id) ?? { id, label: formatPeriod(id), events: [] };
      period.events.push(event);
      periods.set(id, period);
    }
  }
  return { main, periods: [...periods.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}
