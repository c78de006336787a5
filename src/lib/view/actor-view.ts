// What an actor's page shows (pages/actors/[id].astro lays it out): the entry, its relations to
// other actors, the articles that credit it, every passage naming it with the mention
// highlighted, the statement's points it bears on and the events it takes part in. Every href is
// relative to the actor's page.
import type { Actor, Dating, Source } from '../content/schema.ts';
import type { CrossReferencedStory } from '../crossref/cross-references.ts';
import { appearancesOf } from './appearances.ts';
import { formatDating } from './dates.ts';
import { excerpt, type Excerpt } from './excerpts.ts';
import { actorTypeLabel, creditRoleLabel, kindLabel, relationLabel } from './labels.ts';
import { statusView, type StatusView } from './tracker-view.ts';
import { relativeHref, routes } from './urls.ts';
import { ACTOR_PASSAGES } from './pagination.ts';

export interface Link {
  href: string;
  text: string;
}

export interface ActorView {
  actor: Actor;
  route: string;
  typeLabel: string;
  description: string;
  /** The label of the role: as of the talks for an actor of the article, else as of the events. */
  roleLabel: string;
  members: Link[];
  memberOf: Link[];
  credited: Array<Link & { roles: string }>;
  appearanceCount: number;
  /** Credits printed outside the paragraphs (the interviewee under the headline). */
  headingCredits: Array<Link & { note: string; label: string }>;
  passages: Array<Link & { signed: string | undefined; excerpt: Excerpt }>;
  /** When the page lists only the first passages: how many more, and a search for them all. */
  morePassages: (Link & { count: number }) | undefined;
  points: Array<Link & { status: StatusView }>;
  events: Array<Link & { dating: Dating; relation: string }>;
  sources: Source[];
  glossaryHref: string;
}

type Model = Pick<
  CrossReferencedStory,
  'story' | 'actors' | 'actorsById' | 'documents' | 'documentsById' | 'passagesByActor' | 'eventsByActor' | 'tracker'
>;

export function actorView(model: Model, id: string): ActorView {
  const actor = model.actorsById.get(id)!;
  const route = routes.actor(id);
  const href = (to: string) => relativeHref(route, to);
  const actorLink = (a: Actor): Link => ({ href: href(routes.actor(a.id)), text: a.name });
  const appearances = appearancesOf(model, id);
  const asOf = formatDating({ date: model.story.asOf, precision: 'day' });
  return {
    actor,
    route,
    typeLabel: actorTypeLabel[actor.type],
    description: `${actor.name}。${actor.description}`.slice(0, 120),
    roleLabel: appearances.count > 0 ? `${asOf}時点の肩書き・立場` : '出来事の時点の肩書き・立場',
    members: actor.members.map((m) => actorLink(model.actorsById.get(m)!)),
    memberOf: model.actors.filter((a) => a.members.includes(id)).map(actorLink),
    credited: model.documents
      .filter((d) => d.data.credits.some((c) => c.actor === id))
      .map((d) => ({
        href: href(routes.document(d.id)),
        text: d.data.title,
        roles: d.data.credits
          .filter((c) => c.actor === id)
          .map((c) => creditRoleLabel[c.role])
          .join('・'),
      })),
    appearanceCount: appearances.count,
    headingCredits: appearances.headingCredits.map((c) => ({
      href: href(routes.document(c.document.id)),
      text: kindLabel[c.document.data.kind],
      note: `${kindLabel[c.document.data.kind]}の${creditRoleLabel[c.role]}(見出しの下のクレジット)`,
      label: c.label,
    })),
    morePassages:
      appearances.passages.length > ACTOR_PASSAGES
        ? {
            count: appearances.passages.length - ACTOR_PASSAGES,
            href: `${href(routes.search())}?q=${encodeURIComponent(actor.name)}`,
            text: `「${actor.name}」を検索して、すべての段落を見る`,
          }
        : undefined,
    passages: appearances.passages.slice(0, ACTOR_PASSAGES).map(({ passage: p, role }) => {
      const kind = kindLabel[model.documentsById.get(p.documentId)!.data.kind];
      return {
        href: href(routes.paragraph(p.ref)),
        text: `${kind}・第${p.paragraph.n}段落`,
        signed: role && `${kind}の${creditRoleLabel[role]}(署名)`,
        excerpt: excerpt(p.paragraph.text, p.mention.start, p.mention.end),
      };
    }),
    points: (model.tracker.pointsByActor.get(id) ?? []).map((p) => ({
      href: href(routes.trackerPoint(p.entry.id)),
      text: p.entry.question,
      status: statusView(p.status),
    })),
    events: (model.eventsByActor.get(id) ?? []).map((e) => ({
      href: href(routes.event(e)),
      text: e.title,
      dating: e.dating,
      relation: relationLabel[e.relation],
    })),
    sources: actor.sources,
    glossaryHref: href(routes.glossary()),
  };
}
