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
