// What each page's preview image says: the page's title and the kind of page. One entry per page
// of the site, so every page has its image (og/<route>.png).
import type { StoryModel } from '../content/story.ts';
import { routes } from '../view/urls.ts';
import { actorTypeLabel, kindLabel } from '../view/labels.ts';
import { timelinePages } from '../view/timeline.ts';
import { statusFigureSvg } from '../view/charts.ts';
import { glossaryIsSplit, glossaryRows } from '../view/pagination.ts';
import { documentListPages } from '../view/document-list-view.ts';

export interface OgCardEntry {
  /** The page the image is for. */
  route: string;
  title: string;
  kind: string;
  /** A figure drawn under the title (standalone SVG). */
  figure?: string;
}

/** Kind label of the home page (the story's kicker, or a generic one). */
export const homeKind = (model: Pick<StoryModel, 'story'>): string => model.story.kicker ?? '特集';

export function ogCards(model: StoryModel): OgCardEntry[] {
  return [
    { route: routes.home(), title: model.story.title, kind: homeKind(model) },
    ...model.documents.map((d) => ({ route: routes.document(d.id), title: d.data.title, kind: kindLabel[d.data.kind] })),
    // The timeline and the glossary say what they hold, so the card does not just repeat its label.
    { route: routes.timeline(), title: `${model.events.length}件の出来事を時系列で`, kind: '時系列' },
    { route: routes.glossary(), title: `人物・国・組織${model.actors.length}件を解説`, kind: '人物・国・組織' },
    { route: routes.search(), title: '記事・人物・出来事を検索', kind: '検索' },
    ...model.actors.map((a) => ({ route: routes.actor(a.id), title: a.name, kind: actorTypeLabel[a.type] })),
    // The pages of a large story's lists.
    ...(glossaryIsSplit(model.actors) ? glossaryRows(model.actors) : []).map((r) => ({
      route: routes.glossaryRow(r.id),
      title: `人物・国・組織(${r.label}、${r.count}件)`,
      kind: '人物・国・組織',
    })),
    ...documentListPages(model).map((page) => ({
      route: routes.documentList(page),
      title: page === 1 ? `すべての記事${model.documents.length}件` : `すべての記事(${page}ページ目)`,
      kind: '記事一覧',
    })),
    ...timelinePages(model.events).periods.map((p) => ({
      route: routes.timelinePeriod(p.id),
      title: p.title,
      kind: '時系列',
    })),
    ...(model.tracker.points.length
      ? [
          {
            route: routes.tracker(),
            title: `共同声明${model.tracker.points.length}項目のその後`,
            kind: '声明のその後',
            // The statement's fate, as on the page.
            figure: statusFigureSvg(model.tracker.points.map((p) => p.status)),
          },
        ]
      : []),
    ...model.tracker.points.map((p) => ({ route: routes.trackerPoint(p.entry.id), title: p.entry.question, kind: '声明のその後' })),
    { route: routes.about(), title: 'このサイトについて', kind: 'このサイトについて' },
  ];
}
