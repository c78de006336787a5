// Joins the validated content files into one model of the story: documents with their numbered
// paragraphs, actors, events in date order, and the indexes the pages need. Pure: the caller
// passes the entries in (src/data.ts), so this is unit-tested without Astro.
import {
  idSchema,
  type Actor,
  type Citation,
  type Correction,
  type DocumentData,
  type Expectation,
  type TrackerEntry,
  type JointMention,
  type StatementMapEntry,
  type Story,
  type StoryEvent,
} from './schema.ts';
import { readParagraphs, type SourceParagraph } from './paragraphs.ts';
import { ContentError, resolveId } from './references.ts';
import { countCharacters, readingMinutes } from './reading-time.ts';
import { datingSortKey } from './dates.ts';
import { checkCitations, type CitationPlace } from './citations.ts';
import { buildTracker, type TrackerModel } from './tracker.ts';
import { checkStatementMap } from './statement-map.ts';

export interface DocumentInput {
  id: string;
  /** Content file, for messages (e.g. "documents/analysis.mdx"). */
  file: string;
  data: DocumentData;
  /** MDX body without frontmatter. */
  body: string;
  /** Line of the file where the body starts (1 when unknown), for positions in messages. */
  bodyStartLine?: number;
}

export interface StoryInput {
  /** The story entry, or undefined when story.yaml is missing or empty. */
  story: Story | undefined;
  documents: DocumentInput[];
  actors: Actor[];
  events: StoryEvent[];
  /** What happened after the article (aftermath.yaml): every entry has relation "aftermath". */
  aftermath?: StoryEvent[] | undefined;
  /** What became of each point of the statement (tracker.yaml). */
  tracker?: TrackerEntry[] | undefined;
  /** The article's forward-looking sentences (expectations.yaml). */
  expectations?: Expectation[] | undefined;
  /** Corrections and updates of the site (corrections.yaml). */
  corrections?: Correction[] | undefined;
  /** Forms naming several actors at once, or none. */
  mentions: JointMention[];
  /** The statement read against the other documents. */
  statementMap: StatementMapEntry[];
  /** The recorded text of every cited paragraph (citations.lock.yaml); undefined when there is none. */
  citations?: Citation[] | undefined;
  /** The content folder and its file names, for messages. */
  files: {
    root: string;
    actors: string;
    events: string;
    story: string;
    mentions: string;
    statementMap: string;
    citations: string;
    aftermath: string;
    tracker: string;
    expectations: string;
    corrections: string;
  };
}

export interface StoryDocument extends DocumentInput {
  paragraphs: SourceParagraph[];
  characters: number;
  readingMinutes: number;
}

export interface CitedParagraph {
  /** "analysis#p3" */
  ref: string;
  document: StoryDocument;
  paragraph: SourceParagraph;
}

export interface StoryModel {
  /** Forms naming several actors at once (mentions.yaml), their actors checked. */
  joints: JointMention[];
  /** Warnings for the build log (stale citations). */
  warnings: string[];
  story: Story;
  /** In reading order (`order`). */
  documents: StoryDocument[];
  documentsById: Map<string, StoryDocument>;
  actors: Actor[];
  actorsById: Map<string, Actor>;
  /** In date order, each with its timeline page. */
  events: PlacedEvent[];
  /** Every paragraph of every document, by "<document id>#p<n>". */
  paragraphs: Map<string, CitedParagraph>;
  /** Events each actor takes part in, in date order. */
  eventsByActor: Map<string, StoryEvent[]>;
  /** Events citing each paragraph, by paragraph reference. */
  eventsByParagraph: Map<string, StoryEvent[]>;
  /** The statement map, in file order. */
  statementMap: StatementMapEntry[];
  /** What became of each point of the statement. */
  tracker: TrackerModel;
  /** Corrections and updates, newest first. */
  corrections: Correction[];
  /** The file each event comes from, for messages. */
  eventFiles: Map<string, string>;
}

/**
 * The most events the main timeline page holds. What happened after the article always stands on
 * a page per month; in a story with more events before it than this, every event does, so that no
 * timeline page grows with the story (the main page then lists the months).
 */
export const MAIN_TIMELINE_LIMIT = 80;

/** An event with the month of the timeline page it stands on (undefined: the main page). */
export type PlacedEvent = StoryEvent & { period: string | undefined };

/** Every event with its timeline page (see MAIN_TIMELINE_LIMIT). */
export function placeEvents(events: readonly StoryEvent[]): PlacedEvent[] {
  const split = events.filter((e) => e.relation !== 'aftermath').length > MAIN_TIMELINE_LIMIT;
  return events.map((e) => ({ ...e, period: split || e.relation === 'aftermath' ? e.dating.date.slice(0, 7) : undefined }));
}

/** Events in date order; events of the same day by id (collections do not keep the order of the file). */
export function sortEvents(events: readonly StoryEvent[]): StoryEvent[] {
  return [...events].sort(
    (a, b) => datingSortKey(a.dating).localeCompare(datingSortKey(b.dating)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function buildDocuments(inputs: readonly DocumentInput[]): StoryDocument[] {
  const byOrder = new Map<number, DocumentInput>();
  for (const doc of inputs) {
    if (!idSchema.safeParse(doc.id).success) {
      throw new ContentError(
        `${doc.file}: the file name gives the id "${doc.id}", which is not ASCII — rename the file with lower-case ASCII letters, digits and hyphens, e.g. "analysis.mdx"`,
      );
    }
    const other = byOrder.get(doc.data.order);
    if (other) {
      throw new ContentError(
        `${doc.file}: field "order": ${doc.data.order} is already used by ${other.file} — give each document its own order`,
      );
    }
    byOrder.set(doc.data.order, doc);
  }
  return [...inputs]
    .sort((a, b) => a.data.order - b.data.order)
    .map((doc) => {
      const paragraphs = parseDocumentParagraphs(doc);
      const characters = paragraphs.reduce((sum, p) => sum + countCharacters(p.text), 0);
      return { ...doc, paragraphs, characters, readingMinutes: readingMinutes(characters) };
    });
}

/** The paragraphs of a document; an MDX syntax error names the file, line and column. */
function parseDocumentParagraphs(doc: DocumentInput): SourceParagraph[] {
  return readParagraphs(doc.body, doc.file, doc.bodyStartLine);
}

function indexParagraphs(documents: readonly StoryDocument[]): Map<string, CitedParagraph> {
  const index = new Map<string, CitedParagraph>();
  for (const document of documents) {
    for (const paragraph of document.paragraphs) {
      const ref = `${document.id}#${paragraph.id}`;
      index.set(ref, { ref, document, paragraph });
    }
  }
  return index;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every paragraph citation of the content files, with where it is written. */
export function citationPlaces(
  input: Pick<StoryInput, 'events' | 'aftermath' | 'statementMap' | 'tracker' | 'expectations' | 'files'>,
): CitationPlace[] {
  const { files } = input;
  const eventPlaces = (events: readonly StoryEvent[] | undefined, file: string) =>
    (events ?? []).flatMap((e) => e.paragraphs.map((ref) => ({ ref, origin: `${file}: entry "${e.id}", field "paragraphs"` })));
  return [
    ...eventPlaces(input.events, files.events),
    ...eventPlaces(input.aftermath, files.aftermath),
    ...(input.tracker ?? []).map((t) => ({ ref: t.point, origin: `${files.tracker}: entry "${t.id}", field "point"` })),
    ...(input.expectations ?? []).map((x) => ({ ref: x.paragraph, origin: `${files.expectations}: entry "${x.id}", field "paragraph"` })),
    ...input.statementMap.flatMap((m) => [
      ...(m.point ? [{ ref: m.point, origin: `${files.statementMap}: entry "${m.id}", field "point"` }] : []),
      ...m.discussedIn.map((ref) => ({ ref, origin: `${files.statementMap}: entry "${m.id}", field "discussedIn"` })),
    ]),
  ];
}

/** Validates every cross-file reference and builds the model. Throws ContentError on the first bad one. */
export function buildStory(input: StoryInput): StoryModel {
  const { files } = input;
  if (input.story === undefined && input.documents.length === 0) {
    throw new ContentError(
      `${files.root}: the content folder is empty — it needs documents/*.mdx, ${files.story}, ${files.actors} and ${files.events} (see README, "Editing the content")`,
    );
  }
  if (input.story === undefined) {
    throw new ContentError(`${files.story}: missing — add the story entry (id "story") to the content folder`);
  }
  const story = input.story;
  if (input.documents.length === 0) {
    throw new ContentError('documents/: no documents found — add at least one .mdx file to the documents folder');
  }
  const documents = buildDocuments(input.documents);
  const documentsById = new Map(documents.map((d) => [d.id, d]));
  const actorsById = new Map(input.actors.map((a) => [a.id, a]));
  const paragraphs = indexParagraphs(documents);
  const paragraphText = new Map([...paragraphs].map(([ref, p]) => [ref, p.paragraph.text]));
  const citationWarnings = checkCitations(
    citationPlaces(input),
    paragraphText,
    input.citations,
    files.citations,
  );

  for (const actor of input.actors) {
    actor.members.forEach((id) =>
      resolveId(id, actorsById, { file: files.actors, entry: actor.id, field: 'members' }, 'actor'),
    );
  }
  for (const doc of documents) {
    doc.data.credits.forEach((credit) =>
      resolveId(credit.actor, actorsById, { file: doc.file, entry: doc.id, field: 'credits.actor' }, 'actor'),
    );
  }
  story.featuredActors.forEach((id) =>
    resolveId(id, actorsById, { file: files.story, entry: 'story', field: 'featuredActors' }, 'actor'),
  );
  story.sides.forEach((side, i) =>
    side.actors.forEach((id) => resolveId(id, actorsById, { file: files.story, entry: 'story', field: `sides.${i}.actors` }, 'actor')),
  );

  const eventFiles = new Map<string, string>(input.events.map((e) => [e.id, files.events]));
  for (const event of input.aftermath ?? []) {
    if (eventFiles.has(event.id)) {
      throw new ContentError(`${files.aftermath}: entry "${event.id}", field "id": "${event.id}" is already an event of ${files.events} — every event id must be unique across both files`);
    }
    if (event.relation !== 'aftermath') {
      throw new ContentError(`${files.aftermath}: entry "${event.id}", field "relation": "${event.relation}" — this file holds what happened after the article: set relation to "aftermath", or move the event to ${files.events}`);
    }
    eventFiles.set(event.id, files.aftermath);
  }
  const events = placeEvents(sortEvents([...input.events, ...(input.aftermath ?? [])]));
  const eventsById = new Map(events.map((e) => [e.id, e]));
  const eventsByActor = new Map<string, StoryEvent[]>();
  const eventsByParagraph = new Map<string, StoryEvent[]>();
  for (const event of events) {
    const file = eventFiles.get(event.id)!;
    for (const id of event.actors) {
      resolveId(id, actorsById, { file, entry: event.id, field: 'actors' }, 'actor');
      pushTo(eventsByActor, id, event);
    }
    for (const ref of event.paragraphs) {
      const docId = ref.split('#')[0]!;
      const place = { file, entry: event.id, field: 'paragraphs' };
      const doc = resolveId(docId, documentsById, place, 'document');
      if (!paragraphs.has(ref)) {
        throw new ContentError(
          `${file}: entry "${event.id}", field "paragraphs": "${ref}" does not exist — ${doc.id} has paragraphs p1 to p${doc.paragraphs.length}`,
        );
      }
      pushTo(eventsByParagraph, ref, event);
    }
  }
  const tracker = buildTracker({
    entries: input.tracker ?? [],
    expectations: input.expectations ?? [],
    eventsById,
    paragraphText,
    statementDocuments: documents.filter((d) => d.data.kind === 'statement').map((d) => d.id),
    checkedOn: story.checkedOn,
    files,
  });
  const corrections = [...(input.corrections ?? [])].sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : a.id < b.id ? -1 : 1));

  for (const joint of input.mentions) {
    joint.actors.forEach((id) =>
      resolveId(id, actorsById, { file: files.mentions, entry: joint.id, field: 'actors' }, 'actor'),
    );
  }
  const statementMap = checkStatementMap(input.statementMap, paragraphs, files.statementMap);

  return {
    joints: input.mentions,
    warnings: citationWarnings,
    statementMap,
    story,
    documents,
    documentsById,
    actors: input.actors,
    actorsById,
    events,
    paragraphs,
    eventsByActor,
    eventsByParagraph,
    tracker,
    corrections,
    eventFiles,
  };
}
