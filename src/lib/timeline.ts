// The timeline grouped by month, in date order.
import type { StoryEvent } from './schema.ts';
import { monthKey } from './dates.ts';

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

/** Where an event stands on the timeline: the main page (until the article), or a period page. */
export interface TimelinePlace {
  /** The id of the period page ("2025-q2"), or undefined for the main timeline page. */
  period: string | undefined;
}

/**
 * The period page of an event. What happened before and at the time of the article stands on the
 * main timeline page; what happened after it is split by quarter, so that no timeline page grows
 * with the aftermath (each page stays light and quick to read).
 */
export function periodOf(event: Pick<StoryEvent, 'relation' | 'dating'>): string | undefined {
  if (event.relation !== 'aftermath') return undefined;
  const [y, m] = event.dating.date.split('-').map(Number) as [number, number];
  return `${y}-q${Math.ceil(m / 3)}`;
}

/** "2025年4〜6月" for "2025-q2". */
export function formatPeriod(period: string): string {
  const [y, q] = period.split('-q').map(Number) as [number, number];
  return `${y}年${q * 3 - 2}〜${q * 3}月`;
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
      const period = periods.get(id) ?? { id, label: '', events: [] };
      period.events.push(event);
      periods.set(id, period);
    }
  }
  for (const period of periods.values()) period.label = periodLabel(period);
  return { main, periods: [...periods.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/**
 * The months a period page actually covers: 「2025年3月」 when its events all fall in one month
 * (the quarter of the article starts after it), 「2025年4〜6月」 otherwise.
 */
function periodLabel(period: Period): string {
  const months = period.events.map((e) => Number(e.dating.date.slice(5, 7)));
  const [first, last] = [Math.min(...months), Math.max(...months)];
  const year = period.id.slice(0, 4);
  const [, q] = period.id.split('-q').map(Number) as [number, number];
  const from = first === last ? first : q * 3 - 2;
  const to = first === last ? last : q * 3;
  return from === to ? `${year}年${from}月` : `${year}年${from}〜${to}月`;
}
