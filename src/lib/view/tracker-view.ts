// View models of 「声明のその後」: what the overview and each point's page show, as plain data.
// Pages only lay these out.
import type { StoryModel } from '../content/story.ts';
import type { StoryEvent, TrackerStatus } from '../content/schema.ts';
import type { TrackedPoint } from '../content/tracker.ts';
import { statusCounts } from '../content/tracker.ts';
import { statusInfo, statusOrder } from './labels.ts';
import { formatDating } from './dates.ts';
import { routes } from './urls.ts';

export interface StatusView {
  status: TrackerStatus;
  label: string;
  shape: string;
  definition: string;
}

export const statusView = (status: TrackerStatus): StatusView => ({ status, ...statusInfo[status] });

/** "2026年5月26日" for a day. */
export const formatDay = (day: string): string => formatDating({ date: day, precision: 'day' });

export interface OverviewRow {
  id: string;
  route: string;
  /** 第N項 */
  n: number;
  label: string;
  question: string;
  oneLine: string;
  status: StatusView;
  /** The day of the last change (判定日). */
  ratedOn: string;
}

export interface TrackerOverview {
  rows: OverviewRow[];
  /** Statuses with their count, every status listed (a count of 0 says so). */
  counts: Array<StatusView & { count: number }>;
  /** "実現1件、一部実現1件、…" — the counts in one line of text (statuses that occur). */
  countsText: string;
  checkedOn: string;
  definitions: StatusView[];
  /** The statement's page, when there is a tracker. */
  statementRoute: string | undefined;
}

export function trackerOverview(model: Pick<StoryModel, 'tracker'>): TrackerOverview {
  const { points, checkedOn } = model.tracker;
  const counts = statusCounts(points, statusOrder).map(({ status, count }) => ({ ...statusView(status), count }));
  return {
    rows: points.map((p) => ({
      id: p.entry.id,
      route: routes.trackerPoint(p.entry.id),
      n: p.n,
      label: p.entry.label,
      question: p.entry.question,
      oneLine: p.entry.oneLine,
      status: statusView(p.status),
      ratedOn: p.ratedOn,
    })),
    counts,
    countsText: counts
      .filter((c) => c.count > 0)
      .map((c) => `${c.label}${c.count}件`)
      .join('、'),
    checkedOn: checkedOn ?? '',
    definitions: statusOrder.map(statusView),
    statementRoute: points[0] ? routes.document(points[0].entry.point.split('#')[0]!) : undefined,
  };
}

export interface HistoryRow {
  date: string;
  from: StatusView | undefined;
  to: StatusView;
  reason: string;
  events: StoryEvent[];
}

export interface PointView {
  point: TrackedPoint;
  status: StatusView;
  /** The statement's own words for the point. */
  text: string;
  /** 「…第N段落」 link target. */
  paragraphRoute: string;
  history: HistoryRow[];
  /** The expectations of the article about this point, each with what happened. */
  expectations: Array<{ quote: string; paragraphRoute: string; documentTitle: string; n: number; outcome: StoryEvent[] }>;
  actors: Array<{ id: string; name: string }>;
  /** The other points, for the navigation at the end. */
  others: OverviewRow[];
  /** Ids of the events the judgement rests on: the history's, the summary's and the expectations' outcomes. */
  keyEvents: Set<string>;
}

export function pointView(model: Pick<StoryModel, 'tracker' | 'paragraphs' | 'actorsById'>, id: string): PointView {
  const point = model.tracker.pointsById.get(id);
  if (!point) throw new Error(`no tracked point "${id}"`);
  const statement = model.paragraphs.get(point.entry.point)!;
  return {
    point,
    status: statusView(point.status),
    text: statement.paragraph.text,
    paragraphRoute: routes.paragraph(point.entry.point),
    history: point.history.map((h) => ({
      date: h.date,
      from: h.from && statusView(h.from),
      to: statusView(h.to),
      reason: h.reason,
      events: h.events,
    })),
    expectations: point.expectations.map(({ expectation, outcome }) => {
      const cited = model.paragraphs.get(expectation.paragraph)!;
      return {
        quote: expectation.quote,
        paragraphRoute: routes.paragraph(expectation.paragraph),
        documentTitle: cited.document.data.title,
        n: cited.paragraph.n,
        outcome,
      };
    }),
    actors: point.actors.map((a) => ({ id: a, name: model.actorsById.get(a)!.name })),
    others: trackerOverview(model).rows.filter((r) => r.id !== id),
    keyEvents: new Set([
      ...point.history.flatMap((h) => h.events.map((e) => e.id)),
      ...point.summaryEvents.map((e) => e.id),
      ...point.expectations.flatMap((x) => x.outcome.map((e) => e.id)),
    ]),
  };
}
