// The date markers a cited paragraph carries back to the timeline (rendered by the paragraph
// controls plugin, src/lib/crossref/rehype-paragraph-controls.ts).
import type { StoryEvent } from '../content/schema.ts';
import { formatDating, formatDatingShort } from './dates.ts';
import type { ParagraphMarker } from '../crossref/rehype-paragraph-controls.ts';
import { markerLabel } from './labels.ts';
import { relativeHref, routes } from './urls.ts';

/**
 * One date marker per date a paragraph is cited for: events of the same day share a marker that
 * links to the first of them (they stand together on the timeline) and names them all.
 */
/** What a date marker shows of an event: its date and title, and where it stands on the timeline. */
export type MarkedEvent = Pick<StoryEvent, 'id' | 'relation' | 'dating' | 'title'> & { period?: string | undefined };

/** The marked part of an event (what the compile of a body that cites it depends on). */
export const markedEvent = ({ id, relation, dating, title, period }: MarkedEvent): MarkedEvent => ({ id, relation, dating, title, period });

export function dateMarkers(events: readonly MarkedEvent[], page: string): ParagraphMarker[] {
  const byDate = new Map<string, MarkedEvent[]>();
  for (const event of events) {
    const key = formatDating(event.dating);
    byDate.set(key, [...(byDate.get(key) ?? []), event]);
  }
  return [...byDate].map(([date, same]) => ({
    href: relativeHref(page, routes.event(same[0]!)),
    text: formatDatingShort(same[0]!.dating),
    label: markerLabel(date, same.map((e) => e.title).join('、')),
  }));
}
