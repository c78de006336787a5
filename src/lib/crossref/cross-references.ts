// Everything computed from the text itself: which actors each paragraph mentions, the passages of
// each actor and the actors of each document in order of appearance. One matcher, one pass per
// paragraph. Data only: the links and markup of the rendered text come from the Markdown pipeline
// (src/markdown.ts), which uses the same matcher.
import type { Actor, JointMention } from '../content/schema.ts';
import type { StoryModel } from '../content/story.ts';
import type { SourceParagraph } from '../content/paragraphs.ts';
import { createMatcher, mentionRules, unusedForms, type Mention, type MentionRule } from './mentions.ts';

interface DocumentLike {
  id: string;
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
  /** Forms that never occur in the texts (titles, credits and paragraphs): warnings for the build log. */
  warnings: string[];
}

export interface CrossReferenceInput {
  documents: readonly DocumentLike[];
  actors: readonly Actor[];
  joints: readonly JointMention[];
  files: { actors: string; mentions: string };
}

export function buildCrossReferences(input: CrossReferenceInput): CrossReferences {
  const { documents, actors, joints, files } = input;
  const rules: MentionRule[] = mentionRules(actors, joints, files);
  const match = createMatcher(rules);

  const mentionsByParagraph = new Map<string, Mention[]>();
  const passagesByActor = new Map<string, Passage[]>();
  const actorsByDocument = new Map<string, string[]>();
  const mentionCounts = new Map<string, Map<string, number>>();

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
  }

  const texts = documents.flatMap((d) => [d.data.title, ...d.data.credits.map((c) => c.label), ...d.paragraphs.map((p) => p.text)]);
  const warnings = unusedForms(rules, texts).map(
    (r) => `${r.origin}: the form "${r.form}" does not occur in any document — check its spelling, or remove it`,
  );
  return { mentionsByParagraph, passagesByActor, actorsByDocument, mentionCounts, warnings };
}

/** The story with its cross-references: what every page works from (src/data.ts). */
export type CrossReferencedStory = Omit<StoryModel, 'warnings'> & CrossReferences;

/** Adds the cross-references to a joined story; the warnings of both are kept. */
export function crossReference(story: StoryModel, files: CrossReferenceInput['files']): CrossReferencedStory {
  const refs = buildCrossReferences({ documents: story.documents, actors: story.actors, joints: story.joints, files });
  return { ...story, ...refs, warnings: [...refs.warnings, ...story.warnings] };
}
