// What a document's page shows around its text (pages/articles/[doc].astro lays it out): the
// header facts, the statement's points read against the other documents, the cast in order of
// appearance, the events it reports, its credits and the other documents. Every href is relative
// to the document's page.
import type { Actor, Dating, DocumentData } from '../content/schema.ts';
import type { StoryDocument } from '../content/story.ts';
import type { CrossReferencedStory } from '../crossref/cross-references.ts';
import { formatDating } from './dates.ts';
import { kindLabel } from './labels.ts';
import { openingLine } from './excerpts.ts';
import { statusView, type StatusView } from './tracker-view.ts';
import { relativeHref, routes } from './urls.ts';
import type { Link } from './actor-view.ts';

export interface StatementPointView {
  /** Link to the point's paragraph (「第3段落」). */
  paragraph: Link;
  label: string;
  /** What became of it, when the tracker follows the point. */
  tracked: (Link & { status: StatusView }) | undefined;
  /** Paragraphs of the other documents discussing it. */
  discussedIn: QuotedParagraph[];
  note: string | undefined;
}

/** A link to a paragraph of any document (「解説・第3段落」) with its opening words. */
export interface QuotedParagraph extends Link {
  opening: string;
}

export interface ArticleView {
  route: string;
  doc: StoryDocument;
  kindLabel: string;
  interviewee: Link | undefined;
  asOf: string;
  points: StatementPointView[];
  /** What the statement leaves out, with the paragraphs raising it. */
  omissions: Array<{ label: string; discussedIn: QuotedParagraph[]; note: string | undefined }>;
  cast: Array<{ actor: Actor; href: string; count: number }>;
  related: Array<Link & { dating: Dating; paragraphs: Link[] }>;
  credits: Array<Link & { label: string }>;
  others: Array<Link & { kindLabel: string }>;
  /** The site's other sections, as the end of the page offers them. */
  sections: Link[];
}

type Model = Pick<
  CrossReferencedStory,
  | 'story'
  | 'documents'
  | 'documentsById'
  | 'paragraphs'
  | 'actorsById'
  | 'events'
  | 'actorsByDocument'
  | 'mentionCounts'
  | 'statementMap'
  | 'tracker'
>;

/** 「第3段落」 for "analysis#p3". */
export const paragraphName = (ref: string): string => `第${ref.split('#p')[1]}段落`;

/**
 * The documents to offer at the end of one: the nearest in reading order, at most `count`
 * (all the others in a small story; a fixed number in a large one, so a page does not grow
 * with the size of the story).
 */
export function neighbourDocuments<T extends { id: string }>(documents: readonly T[], id: string, count = 4): T[] {
  const at = documents.findIndex((d) => d.id === id);
  return documents
    .map((d, i) => ({ d, distance: Math.abs(i - at) }))
    .filter((x) => x.distance > 0)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .sort((a, b) => documents.indexOf(a.d) - documents.indexOf(b.d))
    .map((x) => x.d);
}

export function articleView(model: Model, id: string): ArticleView {
  const doc = model.documentsById.get(id)!;
  const route = routes.document(id);
  const href = (to: string) => relativeHref(route, to);
  const data: DocumentData = doc.data;
  const inThisDoc = (ref: string) => ref.startsWith(`${id}#`);
  const interviewee = data.credits.find((c) => c.role === 'interviewee');
  const paragraphLink = (ref: string): Link => ({ href: href(routes.paragraph(ref)), text: paragraphName(ref) });
  const quoted = (ref: string): QuotedParagraph => {
    const cited = model.paragraphs.get(ref)!;
    return {
      href: href(routes.paragraph(ref)),
      text: `${kindLabel[cited.document.data.kind]}・第${cited.paragraph.n}段落`,
      opening: openingLine(cited.paragraph.text, 36),
    };
  };
  return {
    route,
    doc,
    kindLabel: kindLabel[data.kind],
    interviewee: interviewee && { href: href(routes.actor(interviewee.actor)), text: interviewee.label },
    asOf: formatDating({ date: model.story.asOf, precision: 'day' }),
    points: model.statementMap
      .filter((e) => e.point && inThisDoc(e.point))
      .map((e) => {
        const tracked = model.tracker.pointsByParagraph.get(e.point!);
        return {
          paragraph: paragraphLink(e.point!),
          label: e.label,
          tracked: tracked && {
            href: href(routes.trackerPoint(tracked.entry.id)),
            text: tracked.entry.question,
            status: statusView(tracked.status),
          },
          discussedIn: e.discussedIn.map(quoted),
          note: e.note,
        };
      }),
    omissions:
      data.kind === 'statement'
        ? model.statementMap.filter((e) => !e.point).map((e) => ({ label: e.label, discussedIn: e.discussedIn.map(quoted), note: e.note }))
        : [],
    cast: (model.actorsByDocument.get(id) ?? []).map((actorId) => ({
      actor: model.actorsById.get(actorId)!,
      href: href(routes.actor(actorId)),
      count: model.mentionCounts.get(id)?.get(actorId) ?? 0,
    })),
    related: model.events
      .filter((e) => e.paragraphs.some(inThisDoc))
      .map((e) => ({
        href: href(routes.event(e)),
        text: e.title,
        dating: e.dating,
        paragraphs: e.paragraphs.filter(inThisDoc).map(paragraphLink),
      })),
    credits: data.credits.map((c) => ({ href: href(routes.actor(c.actor)), text: model.actorsById.get(c.actor)!.name, label: c.label })),
    others: neighbourDocuments(model.documents, id).map((d) => ({
      href: href(routes.document(d.id)),
      text: d.data.title,
      kindLabel: kindLabel[d.data.kind],
    })),
    sections: [
      ...(model.tracker.points.length > 0 ? [{ href: href(routes.tracker()), text: '声明のその後' }] : []),
      { href: href(routes.timeline()), text: '時系列で見る' },
      { href: href(routes.glossary()), text: '人物・国・組織の一覧' },
    ],
  };
}
