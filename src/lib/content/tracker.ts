// What became of each point of the statement: the tracker entries joined with the timeline
// events that are their evidence, and the article's forward-looking sentences set beside them.
// Pure; every rule that keeps the tracker honest is checked here and stops the build:
//   - every paragraph of a statement document has exactly one tracker entry;
//   - a history runs in date order, each entry a change of status, each justified by events;
//   - a final rating (done, partial, not-done) has no evidence dated after the rating;
//   - the checked date (story.yaml checkedOn) is not earlier than the newest evidence;
//   - an expectation quotes its paragraph verbatim and concerns existing points.
import type { Expectation, StoryEvent, TrackerEntry, TrackerStatus } from './schema.ts';
import { ContentError, missingParagraphError, resolveId } from './references.ts';
import { datingSortKey } from './dates.ts';

/** Statuses that close a point: given only when the action is over or its deadline has passed. */
export const finalStatuses: ReadonlySet<TrackerStatus> = new Set(['done', 'partial', 'not-done']);

export interface StatusStep {
  date: string;
  from: TrackerStatus | undefined;
  to: TrackerStatus;
  reason: string;
  events: StoryEvent[];
}

export interface TrackedPoint {
  entry: TrackerEntry;
  /** 1-based number of the statement paragraph. */
  n: number;
  status: TrackerStatus;
  /** 判定日: the day of the current status. */
  ratedOn: string;
  history: StatusStep[];
  /** The evidence, in date order. */
  events: StoryEvent[];
  summaryEvents: StoryEvent[];
  /** Events after a final rating that do not bear on it, in date order. */
  related: StoryEvent[];
  expectations: ResolvedExpectation[];
  /** Actor ids taking part in the evidence, by how many events they take part in. */
  actors: string[];
}

export interface ResolvedExpectation {
  expectation: Expectation;
  outcome: StoryEvent[];
}

export interface TrackerModel {
  /** In the order of the statement. */
  points: TrackedPoint[];
  pointsById: Map<string, TrackedPoint>;
  /** The tracked point of a statement paragraph, by paragraph reference. */
  pointsByParagraph: Map<string, TrackedPoint>;
  /** The points whose evidence each actor takes part in. */
  pointsByActor: Map<string, TrackedPoint[]>;
  expectations: ResolvedExpectation[];
  /** 確認日: the last day the sources reach; undefined without a tracker. */
  checkedOn: string | undefined;
}

export interface TrackerInput {
  entries: readonly TrackerEntry[];
  expectations: readonly Expectation[];
  eventsById: ReadonlyMap<string, StoryEvent>;
  /** Every paragraph's plain text, by reference, in reading order. */
  paragraphText: ReadonlyMap<string, string>;
  /** The ids of documents of kind "statement". */
  statementDocuments: readonly string[];
  checkedOn: string | undefined;
  files: { tracker: string; expectations: string; story: string };
}

/** The last day an event covers (its end, or its start). */
export function lastDay(event: StoryEvent): string {
  return event.dating.end ?? event.dating.date;
}

const byDate = (a: StoryEvent, b: StoryEvent) =>
  datingSortKey(a.dating).localeCompare(datingSortKey(b.dating)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildTracker(input: TrackerInput): TrackerModel {
  const { entries, eventsById, paragraphText, files } = input;
  const relatedEvents = (entry: TrackerEntry, last: StatusStep): StoryEvent[] => {
    if (entry.related.length && !finalStatuses.has(last.to)) {
      throw new ContentError(
        `${files.tracker}: entry "${entry.id}", field "related": only a final status (done, partial, not-done) has related events after it — while the point is "${last.to}", list them in "events"`,
      );
    }
    return events(entry.related, entry.id, 'related').map((e, i) => {
      // A month-precision event may fall after a day in the same month.
      const latest = e.dating.date.length === 7 ? `${e.dating.date}-31` : lastDay(e);
      if (latest <= last.date) {
        throw new ContentError(
          `${files.tracker}: entry "${entry.id}", field "related.${i}": "${e.id}" (${e.dating.date}) is not after the rating of ${last.date} — evidence up to the rating goes in "events"`,
        );
      }
      return e;
    });
  };
  const statementRefs = [...paragraphText.keys()].filter((ref) => input.statementDocuments.includes(ref.split('#')[0]!));
  const events = (ids: readonly string[], entry: string, field: string, file = files.tracker) =>
    ids.map((id) => resolveId(id, eventsById, { file, entry, field }, 'event')).sort(byDate);

  const pointsByParagraph = new Map<string, TrackedPoint>();
  const points: TrackedPoint[] = [];
  for (const entry of entries) {
    if (!paragraphText.has(entry.point)) throw missingParagraphError({ file: files.tracker, entry: entry.id, field: 'point' }, entry.point, paragraphText.keys());
    if (!statementRefs.includes(entry.point)) {
      throw new ContentError(
        `${files.tracker}: entry "${entry.id}", field "point": "${entry.point}" is not a paragraph of a statement — a tracker entry follows a point of a document of kind "statement" (${input.statementDocuments.join(', ') || 'there is none'})`,
      );
    }
    const other = pointsByParagraph.get(entry.point);
    if (other) {
      throw new ContentError(`${files.tracker}: entry "${entry.id}", field "point": "${entry.point}" is already followed by entry "${other.entry.id}" — one entry per point`);
    }
    const history: StatusStep[] = entry.history.map((step, i) => {
      const previous = entry.history[i - 1];
      const field = `history.${i}`;
      if (previous && step.date <= previous.date) {
        throw new ContentError(
          `${files.tracker}: entry "${entry.id}", field "${field}.date": "${step.date}" is not after the previous change ("${previous.date}") — write the history oldest first, one change per day`,
        );
      }
      if (previous && step.status === previous.status) {
        throw new ContentError(
          `${files.tracker}: entry "${entry.id}", field "${field}.status": "${step.status}" repeats the previous status — each history entry is a change of status`,
        );
      }
      return { date: step.date, from: previous?.status, to: step.status, reason: step.reason, events: events(step.events, entry.id, `${field}.events`) };
    });
    const last = history[history.length - 1]!;
    const evidence = events(entry.events, entry.id, 'events');
    if (finalStatuses.has(last.to)) {
      const later = evidence.filter((e) => e.dating.date > last.date);
      if (later.length) {
        throw new ContentError(
          `${files.tracker}: entry "${entry.id}", field "history": the final status "${last.to}" is rated on ${last.date}, but the evidence goes on after it (${later.map((e) => `"${e.id}" ${e.dating.date}`).join(', ')}) — a final rating is given only when the action is over: rate it "in-progress" or "stalled", or add a later change`,
        );
      }
    }
    const count = new Map<string, number>();
    for (const e of evidence) for (const a of e.actors) count.set(a, (count.get(a) ?? 0) + 1);
    const point: TrackedPoint = {
      entry,
      n: Number(entry.point.split('#p')[1]),
      status: last.to,
      ratedOn: last.date,
      history,
      events: evidence,
      summaryEvents: events(entry.summaryEvents, entry.id, 'summaryEvents'),
      related: relatedEvents(entry, last),
      expectations: [],
      actors: [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id),
    };
    pointsByParagraph.set(entry.point, point);
    points.push(point);
  }
  if (points.length) {
    for (const ref of statementRefs) {
      if (!pointsByParagraph.has(ref)) {
        throw new ContentError(`${files.tracker}: the statement point "${ref}" has no tracker entry — add an entry with "point: ${ref}" (every point of the statement is followed)`);
      }
    }
  }
  points.sort((a, b) => statementRefs.indexOf(a.entry.point) - statementRefs.indexOf(b.entry.point));
  const pointsById = new Map(points.map((p) => [p.entry.id, p]));

  const expectations = input.expectations.map((expectation) => {
    const { id, paragraph, quote } = expectation;
    const text = paragraphText.get(paragraph);
    if (text === undefined) throw missingParagraphError({ file: files.expectations, entry: id, field: 'paragraph' }, paragraph, paragraphText.keys());
    if (!text.includes(quote)) {
      throw new ContentError(
        `${files.expectations}: entry "${id}", field "quote": "${quote}" does not stand in ${paragraph} — copy the sentence exactly as the paragraph has it (without 「」): ${text}`,
      );
    }
    const resolved = { expectation, outcome: events(expectation.outcome, id, 'outcome', files.expectations) };
    for (const pid of expectation.points) resolveId(pid, pointsById, { file: files.expectations, entry: id, field: 'points' }, 'tracker entry').expectations.push(resolved);
    return resolved;
  });
  const order = [...paragraphText.keys()];
  expectations.sort((a, b) => order.indexOf(a.expectation.paragraph) - order.indexOf(b.expectation.paragraph) || (a.expectation.id < b.expectation.id ? -1 : 1));
  for (const p of points) p.expectations.sort((a, b) => expectations.indexOf(a) - expectations.indexOf(b));

  if (points.length) {
    const newest = points.flatMap((p) => p.events).reduce<StoryEvent | undefined>((max, e) => (!max || lastDay(e) > lastDay(max) ? e : max), undefined);
    if (input.checkedOn === undefined) {
      throw new ContentError(`${files.story}: entry "story", field "checkedOn": required with a tracker — the last day its sources reach, e.g. "${newest ? lastDay(newest) : '2026-05-26'}"`);
    }
    if (newest && lastDay(newest) > input.checkedOn) {
      throw new ContentError(
        `${files.story}: entry "story", field "checkedOn": "${input.checkedOn}" is earlier than the newest evidence ("${newest.id}", ${lastDay(newest)}) — the checked date is the last day the sources reach`,
      );
    }
  }

  const pointsByActor = new Map<string, TrackedPoint[]>();
  for (const p of points) for (const a of p.actors) pointsByActor.set(a, [...(pointsByActor.get(a) ?? []), p]);
  return { points, pointsById, pointsByParagraph, pointsByActor, expectations, checkedOn: points.length ? input.checkedOn : undefined };
}

/** How many points have each status, in the order of `statuses`. */
export function statusCounts(points: readonly TrackedPoint[], statuses: readonly TrackerStatus[]): Array<{ status: TrackerStatus; count: number }> {
  return statuses.map((status) => ({ status, count: points.filter((p) => p.status === status).length }));
}
