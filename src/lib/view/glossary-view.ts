// What the glossary pages show: actors.html (every actor, grouped by type, in a small story; the
// rows of the syllabary with their counts in a large one) and glossary/<row>.html.
import type { Actor } from '../content/schema.ts';
import type { CrossReferencedStory } from '../crossref/cross-references.ts';
import { appearancesOf } from './appearances.ts';
import { formatDating } from './dates.ts';
import { groupActors, type ActorGroup } from './glossary.ts';
import { actorTypeLabel } from './labels.ts';
import { glossaryIsSplit, glossaryRows } from './pagination.ts';
import { relativeHref, routes } from './urls.ts';

export interface GlossaryGroupView {
  type: Actor['type'];
  label: string;
  entries: Array<{ actor: Actor; href: string; count: number }>;
}

export interface GlossaryView {
  route: string;
  title: string;
  description: string;
  asOf: string;
  /** The types with their number of actors (in the whole glossary); href: their section on a one-page glossary. */
  types: Array<{ type: Actor['type']; label: string; count: number; href: string }>;
  /** The entries on this page, by type. */
  groups: GlossaryGroupView[];
  /** The rows of the syllabary, when the glossary is split (on every glossary page). */
  rows: Array<{ id: string; label: string; count: number; href: string; current: boolean }>;
}

type Model = Pick<CrossReferencedStory, 'story' | 'actors' | 'documents' | 'passagesByActor'>;

function groupViews(groups: readonly ActorGroup[], route: string, counts: ReadonlyMap<string, number>): GlossaryGroupView[] {
  return groups.map((g) => ({
    type: g.type,
    label: actorTypeLabel[g.type],
    entries: g.actors.map((actor) => ({ actor, href: relativeHref(route, routes.actor(actor.id)), count: counts.get(actor.id) ?? 0 })),
  }));
}

/** The glossary's main page (`row` undefined) or one of its row pages. */
export function glossaryView(model: Model, row?: string): GlossaryView {
  const { actors, story } = model;
  const route = row ? routes.glossaryRow(row) : routes.glossary();
  const counts = new Map(actors.map((a) => [a.id, appearancesOf(model, a.id).count]));
  const timelineOnly = actors.filter((a) => counts.get(a.id) === 0).length;
  const asOf = formatDating({ date: story.asOf, precision: 'day' });
  const split = glossaryIsSplit(actors);
  const rows = split ? glossaryRows(actors) : [];
  const here = rows.find((r) => r.id === row);
  const groups = groupActors(actors);
  return {
    route,
    title: here ? `人物・国・組織(${here.label})` : '人物・国・組織',
    description: here
      ? `人物・国・組織のうち、読みが${here.label}の${here.count}件。読み方、英語表記、肩書き・立場を解説する。`
      : `記事と時系列に登場する人物・国・組織${actors.length}件${timelineOnly ? `(うち${timelineOnly}件は時系列だけに登場)` : ''}。読み方、英語表記、${asOf}時点の肩書き・立場と、その後の変化を出典つきで解説する。`,
    asOf,
    types: groups.map((g) => ({ type: g.type, label: actorTypeLabel[g.type], count: g.actors.length, href: `#${g.type}` })),
    groups: here ? groupViews(here.groups, route, counts) : split ? [] : groupViews(groups, route, counts),
    rows: rows.map((r) => ({
      id: r.id,
      label: r.label,
      count: r.count,
      href: relativeHref(route, routes.glossaryRow(r.id)),
      current: r.id === row,
    })),
  };
}
