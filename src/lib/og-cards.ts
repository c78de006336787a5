// What each page's preview image says: the page's title and the kind of page. One entry per page
// of the site, so every page has its image (og/<route>.png).
import type { StoryModel } from './story.ts';
import { routes } from './urls.ts';
import { actorTypeLabel, kindLabel } from './labels.ts';

export interface OgCardEntry {
  /** The page the image is for. */
  route: string;
  title: string;
  kind: string;
}

/** Kind label of the home page (the story's kicker, or a generic one). */
export const homeKind = (model: Pick<StoryModel, 'story'>): string => model.story.kicker ?? '特集';

export function ogCards(model: StoryModel): OgCardEntry[] {
  return [
    { route: routes.home(), title: model.story.title, kind: homeKind(model) },
    ...model.documents.map((d) => ({ route: routes.document(d.id), title: d.data.title, kind: kindLabel[d.data.kind] })),
    { route: routes.timeline(), title: '時系列', kind: '時系列' },
    { route: routes.glossary(), title: '登場人物', kind: '登場人物' },
    ...model.actors.map((a) => ({ route: routes.actor(a.id), title: a.name, kind: actorTypeLabel[a.type] })),
  ];
}
