// The title of every page of the site by its route, for lists that name pages (the corrections
// log). A route that is not a page of the site is a content mistake.
import type { StoryModel } from '../content/story.ts';
import { routes } from './urls.ts';
import { timelinePages } from './timeline.ts';
import { glossaryIsSplit, glossaryRows } from './pagination.ts';
import { documentListPages } from './document-list-view.ts';
import { ContentError, nearest } from '../content/references.ts';

export function pageTitles(model: Pick<StoryModel, 'story' | 'documents' | 'actors' | 'events' | 'tracker'>): Map<string, string> {
  const titles = new Map<string, string>([
    [routes.home(), model.story.siteName],
    [routes.timeline(), '時系列'],
    [routes.glossary(), '人物・国・組織'],
    [routes.about(), 'このサイトについて'],
    [routes.search(), 'サイト内検索'],
  ]);
  // The lists of a large story.
  for (const page of documentListPages(model))
    titles.set(routes.documentList(page), page === 1 ? 'すべての記事' : `すべての記事(${page}ページ目)`);
  if (glossaryIsSplit(model.actors))
    for (const r of glossaryRows(model.actors)) titles.set(routes.glossaryRow(r.id), `人物・国・組織(${r.label})`);
  for (const d of model.documents) titles.set(routes.document(d.id), d.data.title);
  for (const a of model.actors) titles.set(routes.actor(a.id), a.name);
  for (const p of timelinePages(model.events).periods) titles.set(routes.timelinePeriod(p.id), p.title);
  if (model.tracker.points.length) titles.set(routes.tracker(), '声明のその後');
  for (const p of model.tracker.points) titles.set(routes.trackerPoint(p.entry.id), p.entry.question);
  return titles;
}

/** The title of `route`, or a ContentError naming the file, the entry and the nearest pages. */
export function titleOf(titles: ReadonlyMap<string, string>, route: string, place: { file: string; entry: string; field: string }): string {
  const title = titles.get(route);
  if (title === undefined) {
    throw new ContentError(
      `${place.file}: entry "${place.entry}", field "${place.field}": "${route}" is not a page of the site — did you mean ${nearest(
        route,
        titles.keys(),
      )
        .map((r) => `"${r}"`)
        .join(', ')}?`,
    );
  }
  return title;
}
