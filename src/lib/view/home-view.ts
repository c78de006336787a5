// What the home page shows (pages/index.astro lays it out): the documents, what became of the
// statement, the key dates with a chart of the weeks around the talks, and the main actors.
// Every href is relative to the home page.
import type { Dating } from '../content/schema.ts';
import type { CrossReferencedStory } from '../crossref/cross-references.ts';
import type { Link } from './actor-view.ts';
import { timelineChart, shiftMonth, type TimelineChartModel } from './charts.ts';
import { kindLabel } from './labels.ts';
import { trackerOverview, type TrackerOverview } from './tracker-view.ts';
import { relativeHref, routes } from './urls.ts';
import { shownDocuments } from './document-list-view.ts';

export interface HomeView {
  route: string;
  documents: Array<Link & { kindLabel: string; description: string; characters: number; readingMinutes: number }>;
  /** The list of every document, when the home page shows only the first ones. */
  allDocuments: Link | undefined;
  tracker: TrackerOverview;
  /** The talks' month and the one before it, when the story names its sides. */
  chart: TimelineChartModel | undefined;
  keyEvents: Array<Link & { dating: Dating }>;
  featured: Array<Link & { role: string }>;
  /** Where each section leads on. */
  more: { tracker: string; timeline: string; glossary: string };
}

type Model = Pick<CrossReferencedStory, 'story' | 'documents' | 'events' | 'actorsById' | 'tracker'>;

export function homeView(model: Model): HomeView {
  const { story, events } = model;
  const route = routes.home();
  const href = (to: string) => relativeHref(route, to);
  const talksMonth = story.asOf.slice(0, 7);
  const from = shiftMonth(talksMonth, -1);
  const around = events.filter((e) => e.dating.date >= from && e.dating.date < shiftMonth(talksMonth, 1));
  const { shown, listRoute } = shownDocuments(model.documents);
  return {
    route,
    allDocuments: listRoute ? { href: href(listRoute), text: `すべての記事(${model.documents.length}件)` } : undefined,
    documents: shown.map((d) => ({
      href: href(routes.document(d.id)),
      text: d.data.title,
      kindLabel: kindLabel[d.data.kind],
      description: d.data.description,
      characters: d.characters,
      readingMinutes: d.readingMinutes,
    })),
    tracker: trackerOverview(model),
    chart: story.sides.length
      ? timelineChart({
          events: around,
          sides: story.sides,
          fromMonth: from,
          toMonth: talksMonth,
          hrefFor: (e) => href(routes.event(e)),
          rules: [{ day: story.asOf, label: '協議' }],
        })
      : undefined,
    keyEvents: events.filter((e) => e.key).map((e) => ({ href: href(routes.event(e)), text: e.title, dating: e.dating })),
    featured: story.featuredActors.map((id) => {
      const actor = model.actorsById.get(id)!;
      return { href: href(routes.actor(id)), text: actor.name, role: actor.role };
    }),
    more: { tracker: href(routes.tracker()), timeline: href(routes.timeline()), glossary: href(routes.glossary()) },
  };
}
