// Short pieces of a paragraph for indexes: around a mention, or the opening of a paragraph.

export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/** A short excerpt around [start, end), cut at `radius` characters each side with an ellipsis. */
export function excerpt(text: string, start: number, end: number, radius = 24): Excerpt {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    match: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}

/** The opening of a text, cut at `max` characters with an ellipsis. */
export function openingLine(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
