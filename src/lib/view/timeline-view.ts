// What the main timeline page shows (pages/timeline.astro lays it out): the events until the
// article, the chart of the months before the talks with its caption, and the pages that follow.
// Every href is relative to the timeline page.
import type { StoryEvent } from '../content/schema.ts';
import type { CrossReferencedStory } from '../crossref/cross-references.ts';
import { shiftMonth, timelineChart, type TimelineChartModel } from './charts.ts';
import { formatMonthKey } from './dates.ts';
import { timelinePages, type Period } from './timeline.ts';
import { relativeHref, routes } from './urls.ts';

export interface TimelineView {
  route: string;
  description: string;
  /** The events of the main page, in date order. */
  main: StoryEvent[];
  periods: Period[];
  chart: TimelineChartModel | undefined;
  /** The chart's caption, one string (no formatting of the markup can put a space between its sentences). */
  chartNote: string;
}

type Model = Pick<CrossReferencedStory, 'story' | 'events'>;

export function timelineView(model: Model): TimelineView {
  const { story, events } = model;
  const route = routes.timeline();
  const { main, periods } = timelinePages(events);
  const first = main[0];
  const last = main.at(-1);
  const after = events.length - main.length;
  const description =
    first && last
      ? `${formatMonthKey(first.dating.date.slice(0, 7))}から${formatMonthKey(last.dating.date.slice(0, 7))}までの${main.length}件の出来事を、記事の該当する段落と出典を添えてたどる。${after ? `その後の${after}件は期間ごとのページに。` : ''}`
      : '記事にかかわる出来事を日付順にたどる。';
  // The chart covers the months before the talks (at most four); older background stays in the list.
  const lastMonth = last?.dating.date.slice(0, 7);
  const firstMonth = first && lastMonth ? [first.dating.date.slice(0, 7), shiftMonth(lastMonth, -3)].sort().at(-1)! : undefined;
  const chart =
    story.sides.length && firstMonth && lastMonth
      ? timelineChart({
          events: main,
          sides: story.sides,
          fromMonth: firstMonth,
          toMonth: lastMonth,
          hrefFor: (e) => relativeHref(route, routes.event(e)),
          rules: [{ day: story.asOf, label: '協議' }],
        })
      : undefined;
  const chartNote = chart
    ? [
        '四角は背景、塗りつぶした丸は記事で扱う出来事、白丸はその後の出来事。',
        chart.omitted > 0 ? `陣営に分けられない${chart.omitted}件は図に含めない。` : '',
        firstMonth && first && first.dating.date.slice(0, 7) < firstMonth
          ? `${firstMonth.slice(0, 4)}年${Number(firstMonth.slice(5))}月より前の出来事は図に含めず、下の一覧に示す。`
          : '',
      ].join('')
    : '';
  return { route, description, main, periods, chart, chartNote };
}
