// Everything computed from the text itself: which actors each paragraph mentions, the passages of
// each actor, the actors of each document in order of appearance, the statement read against the
// other documents, and the rendered paragraphs that carry these links. One matcher, one pass per
// paragraph.
import type { Actor, JointMention, StatementMapEntry, StoryEvent } from '../content/schema.ts';
import { createMatcher, mentionRules, unusedForms, type Mention, type MentionRule } from './mentions.ts';
import { missingParagraphError } from '../content/references.ts';
import { renderParagraphs } from './render-paragraphs.ts';
import type { ParagraphMarker } from './rehype-paragraph-controls.ts';
import { relativeHref, routes } from '../view/urls.ts';
import { formatDating, formatDatingShort } from '../content/dates.ts';
import { markerLabel, permalinkLabel } from '../view/labels.ts';
import type { SourceParagraph } from '../content/paragraphs.ts';
import type { Annotator } from '../furigana/annotate.ts';

interface DocumentLike {
  id: string;
  file: string;
  body: string;
  data: { title: string; credits: ReadonlyArray<{ label: string }> };
  paragraphs: SourceParagraph[];
}

/** One mention of an actor in a paragraph. */
export interface Passage {
  /** "analysis#p3" */
  ref: string;
  documentId: string;
  paragraph: SourceParagraph;
  mention: Mention;
}

export interface CrossReferences {
  /** Mentions in each paragraph, by paragraph reference. */
  mentionsByParagraph: Map<string, Mention[]>;
  /** Every passage naming each actor (alone or with others), in reading order. */
  passagesByActor: Map<string, Passage[]>;
  /** Actor ids each document mentions, in order of first appearance. */
  actorsByDocument: Map<string, string[]>;
  /** How often each document mentions each actor. */
  mentionCounts: Map<string, Map<string, number>>;
  /** Inner HTML of each paragraph, by paragraph reference. */
  paragraphHtml: Map<string, string>;
  /** Forms that never occur in the texts (titles, credits and paragraphs): warnings for the build log. */
  warnings: string[];
}

export interface CrossReferenceInput {
  documents: readonly DocumentLike[];
  actors: readonly Actor[];
  joints: readonly JointMention[];
  eventsByParagraph: ReadonlyMap<string, readonly StoryEvent[]>;
  files: { actors: string; mentions: string };
  /** Readings for the text (furigana), built once per build; none without. */
  annotator?: Annotator | undefined;
}

export function buildCrossReferences(input: CrossReferenceInput): CrossReferences {
  const { documents, actors, joints, eventsByParagraph, files } = input;
  const rules: MentionRule[] = mentionRules(actors, joints, files);
  const match = createMatcher(rules);

  const mentionsByParagraph = new Map<string, Mention[]>();
  const passagesByActor = new Map<string, Passage[]>();
  const actorsByDocument = new Map<string, string[]>();
  const mentionCounts = new Map<string, Map<string, number>>();
  const paragraphHtml = new Map<string, string>();

  for (const doc of documents) {
    const counts = new Map<string, number>();
    for (const paragraph of doc.paragraphs) {
      const ref = `${doc.id}#${paragraph.id}`;
      const mentions = match(paragraph.text);
      mentionsByParagraph.set(ref, mentions);
      for (const mention of mentions) {
        for (const actor of mention.actors) {
          counts.set(actor, (counts.get(actor) ?? 0) + 1);
          const list = passagesByActor.get(actor) ?? [];
          list.push({ ref, documentId: doc.id, paragraph, mention });
          passagesByActor.set(actor, list);
        }
      }
    }
    actorsByDocument.set(doc.id, [...counts.keys()]);
    mentionCounts.set(doc.id, counts);

    const page = routes.document(doc.id);
    const html = renderParagraphs(doc.body, {
      match,
      hrefFor: (id) => relativeHref(page, routes.actor(id)),
      cardIdFor: (id) => `card-${id}`,
      permalinkLabel,
      markersFor: (pid) => dateMarkers(eventsByParagraph.get(`${doc.id}#${pid}`) ?? [], page),
      annotator: input.annotator,
    });
    for (const [pid, h] of html) paragraphHtml.set(`${doc.id}#${pid}`, h);
  }

  const texts = documents.flatMap((d) => [d.data.title, ...d.data.credits.map((c) => c.label), ...d.paragraphs.map((p) => p.text)]);
  const warnings = unusedForms(rules, texts).map(
    (r) => `${r.origin}: the form "${r.form}" does not occur in any document — check its spelling, or remove it`,
  );
  return { mentionsByParagraph, passagesByActor, actorsByDocument, mentionCounts, paragraphHtml, warnings };
}

/**
 * One date marker per date a paragraph is cited for: events of the same day share a marker that
 * links to the first of them (they stand together on the timeline) and names them all.
 */
export function dateMarkers(events: readonly StoryEvent[], page: string): ParagraphMarker[] {
  const byDate = new Map<string, StoryEvent[]>();
  for (const event of events) {
    const key = formatDating(event.dating);
    byDate.set(key, [...(byDate.get(key) ?? []), event]);
  }
  return [...byDate].map(([date, same]) => ({
    href: relativeHref(page, routes.event(same[0]!)),
    text: formatDatingShort(same[0]!.dating),
    label: markerLabel(date, same.map((e) => e.title).join('、')),
  }));
}

/**
 * Checks that every paragraph the statement map cites exists, and returns the entries in reading
 * order: the points in the order of the statement, then what it leaves out, in the order the other
 * documents first raise it. (Collections do not keep the order of the file.)
 */
export function checkStatementMap(
  entries: readonly StatementMapEntry[],
  paragraphs: ReadonlyMap<string, unknown>,
  file: string,
): StatementMapEntry[] {
  for (const entry of entries) {
    const refs: Array<[string, string]> = [
      ...(entry.point ? [['point', entry.point] as [string, string]] : []),
      ...entry.discussedIn.map((r) => ['discussedIn', r] as [string, string]),
    ];
    for (const [field, ref] of refs) {
      if (!paragraphs.has(ref)) throw missingParagraphError({ file, entry: entry.id, field }, ref, paragraphs.keys());
    }
  }
  const position = new Map([...paragraphs.keys()].map((ref, i) => [ref, i]));
  const key = (e: StatementMapEntry) =>
    e.point ? position.get(e.point)! : paragraphs.size + Math.min(...e.discussedIn.map((r) => position.get(r)!));
  return [...entries].sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : 1));
}
