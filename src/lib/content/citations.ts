// Citations keep their meaning. A citation ("analysis#p7") names a paragraph by position, which is
// what readers see in the URL; positions change when an editor inserts, deletes or moves
// paragraphs. So every cited paragraph's text is recorded in citations.lock.yaml, and the build
// checks each citation against it: a citation whose paragraph now holds another text stops the
// build, showing the old and the new text and where the old text went. `npm run citations`
// (src/tools/update-citations.ts) renumbers moved citations and records deliberate edits.
import type { Citation } from './schema.ts';
import { ContentError } from './references.ts';

/** Where a citation is written, for messages. */
export interface CitationPlace {
  ref: string;
  /** e.g. 'events.yaml: entry "jeddah-talks", field "paragraphs"' */
  origin: string;
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** The refs, in document order, whose current text is `text`. */
function refsWithText(texts: ReadonlyMap<string, string>, text: string, documentId: string): string[] {
  return [...texts].filter(([ref, t]) => t === text && ref.startsWith(`${documentId}#`)).map(([ref]) => ref);
}

/**
 * Checks every citation against the recorded texts and throws one ContentError listing every
 * citation that lost its meaning. `texts` holds the current plain text of every paragraph by ref.
 * Returns warnings for recorded citations that nothing cites any more.
 */
export function checkCitations(
  places: readonly CitationPlace[],
  texts: ReadonlyMap<string, string>,
  lock: readonly Citation[] | undefined,
  lockFile: string,
): string[] {
  const recorded = new Map((lock ?? []).map((c) => [c.id, c.text]));
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const { ref, origin } of places) {
    if (reported.has(ref)) continue;
    const was = recorded.get(ref);
    const now = texts.get(ref);
    if (was === undefined) {
      if (now === undefined) continue; // the reference check reports a paragraph that does not exist
      problems.push(`${origin}: "${ref}" is not recorded in ${lockFile} — run "npm run citations" to record the text it cites`);
    } else if (now !== was) {
      const moved = refsWithText(texts, was, ref.split('#')[0]!);
      problems.push(
        [
          `${origin}: "${ref}" no longer holds the text it was cited for`,
          `    cited: ${clip(was)}`,
          `    now:   ${now === undefined ? `(${ref} does not exist any more)` : clip(now)}`,
          moved.length
            ? `    the cited text is now ${moved.join(', ')}: paragraphs were inserted, deleted or moved`
            : '    the cited text was edited',
        ].join('\n'),
      );
    } else continue;
    reported.add(ref);
  }
  if (problems.length) {
    throw new ContentError(
      `${problems.join('\n')}\nIf these changes are deliberate, run "npm run citations": it renumbers moved citations in every content file and records edited texts in ${lockFile}. Otherwise undo the edit.`,
    );
  }
  const cited = new Set(places.map((p) => p.ref));
  return [...recorded.keys()]
    .filter((ref) => !cited.has(ref))
    .map((ref) => `${lockFile}: "${ref}" is recorded but cited nowhere — "npm run citations" removes it`);
}

/** A ref-shaped string in a content file: "<document id>#p<n>". */
export const REF_PATTERN = /(?<![a-z0-9-])([a-z0-9]+(?:-[a-z0-9]+)*#p[1-9][0-9]*)(?![0-9])/g;

export interface CitationUpdate {
  /** Citations renumbered because their text moved: old ref → new ref. */
  moved: Map<string, string>;
  /** Citations whose text was edited in place: recorded anew. */
  edited: Array<{ ref: string; was: string; now: string }>;
  /** The new record. */
  lock: Citation[];
  /** Cited refs that exist nowhere (the build will report them). */
  missing: string[];
}

/**
 * What `npm run citations` does, as a pure function: given the recorded texts, the current texts
 * and the refs the content files cite, which citations moved (their recorded text now stands,
 * exactly once, at another position of the same document), which were edited, and the new record.
 */
export function updateCitations(
  lock: readonly Citation[],
  texts: ReadonlyMap<string, string>,
  cited: readonly string[],
): CitationUpdate {
  const moved = new Map<string, string>();
  const edited: CitationUpdate['edited'] = [];
  for (const { id: ref, text: was } of lock) {
    const now = texts.get(ref);
    if (now === was) continue;
    const found = refsWithText(texts, was, ref.split('#')[0]!);
    if (found.length === 1) moved.set(ref, found[0]!);
    else if (now !== undefined) edited.push({ ref, was, now });
  }
  const order = new Map([...texts.keys()].map((ref, i) => [ref, i]));
  const refs = [...new Set(cited.map((ref) => moved.get(ref) ?? ref))];
  const missing = refs.filter((ref) => !texts.has(ref));
  const next = refs
    .filter((ref) => texts.has(ref))
    .sort((a, b) => order.get(a)! - order.get(b)!)
    .map((ref) => ({ id: ref, text: texts.get(ref)! }));
  return { moved, edited, lock: next, missing };
}

/** Rewrites every citation of a content file's text through `moved`, in one pass. */
export function renumberCitations(text: string, moved: ReadonlyMap<string, string>): string {
  return text.replace(REF_PATTERN, (ref) => moved.get(ref) ?? ref);
}
