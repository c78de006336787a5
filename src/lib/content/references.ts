// Cross-file references (actor ids in events and credits, cited paragraphs) are checked here.
// A bad reference stops the build with a message an editor can act on: which file, which
// entry, which field, the bad value, and the nearest valid values.

/** A content mistake found while joining the files. The message is the whole report. */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}

/** Where a value sits: the content file, the entry's id and the field. */
export interface Place {
  file: string;
  entry: string;
  field: string;
}

function at(place: Place): string {
  return `${place.file}: entry "${place.entry}", field "${place.field}"`;
}

/** Levenshtein distance, for suggesting the id an editor probably meant. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Up to `limit` valid values closest to `value`, closest first, ties in their given order. */
export function nearest(value: string, valid: Iterable<string>, limit = 3): string[] {
  return [...valid]
    .map((v, i) => ({ v, i, d: editDistance(value, v) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, limit)
    .map((x) => x.v);
}

function suggest(value: string, valid: Iterable<string>): string {
  const near = nearest(value, valid);
  return near.length ? `did you mean ${near.map((v) => `"${v}"`).join(', ')}?` : 'there are no valid values yet';
}

/** Returns the item for `id`, or throws naming the place, the bad id and the nearest valid ids. */
export function resolveId<T>(id: string, byId: ReadonlyMap<string, T>, place: Place, what: string): T {
  const item = byId.get(id);
  if (item === undefined) {
    throw new ContentError(`${at(place)}: unknown ${what} id "${id}" — ${suggest(id, byId.keys())}`);
  }
  return item;
}

/** The error for a cited paragraph that does not exist, saying which paragraphs its document has. */
export function missingParagraphError(place: Place, ref: string, refs: Iterable<string>): ContentError {
  const doc = ref.split('#')[0]!;
  const count = [...refs].filter((k) => k.startsWith(`${doc}#`)).length;
  return new ContentError(
    `${at(place)}: "${ref}" does not exist — ${count ? `${doc} has paragraphs p1 to p${count}` : `there is no document "${doc}"`}`,
  );
}

/** Throws when an id occurs twice in one file, naming both positions. */
export function assertUniqueIds(entries: ReadonlyArray<{ id?: unknown }>, file: string): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (typeof entry?.id !== 'string') return; // the schema reports missing ids
    const first = seen.get(entry.id);
    if (first !== undefined) {
      throw new ContentError(
        `${file}: duplicate id "${entry.id}" in entries ${first + 1} and ${i + 1} — every id in a file must be unique`,
      );
    }
    seen.set(entry.id, i);
  });
}
