// Where an actor appears in the texts: every passage that names them, and the credits of the
// texts (an interview's 話し手 under its headline, its 聞き手 in the byline). A credit printed in a
// paragraph (the byline) is that paragraph's passage, marked with its role; a credit printed
// outside the paragraphs (under the headline) is an appearance of its own. Both are counted.
import type { CrossReferencedStory } from '../crossref/cross-references.ts';
import type { Passage } from '../crossref/cross-references.ts';
import type { StoryDocument } from '../content/story.ts';
import type { creditRoles } from '../content/schema.ts';

type Role = (typeof creditRoles)[number];

export interface Appearances {
  passages: Array<{ passage: Passage; role: Role | undefined }>;
  /** Credits printed outside the paragraphs, e.g. the interviewee under the headline. */
  headingCredits: Array<{ document: StoryDocument; role: Role; label: string }>;
  count: number;
}

export function appearancesOf(model: Pick<CrossReferencedStory, 'documents' | 'passagesByActor'>, actorId: string): Appearances {
  const passages = (model.passagesByActor.get(actorId) ?? []).map((passage) => ({ passage, role: undefined as Role | undefined }));
  const headingCredits: Appearances['headingCredits'] = [];
  for (const document of model.documents) {
    for (const credit of document.data.credits.filter((c) => c.actor === actorId)) {
      const inText = passages.find((p) => p.passage.documentId === document.id && p.passage.paragraph.text.includes(credit.label));
      if (inText) inText.role = credit.role;
      else headingCredits.push({ document, role: credit.role, label: credit.label });
    }
  }
  return { passages, headingCredits, count: passages.length + headingCredits.length };
}
