// The statement read against the other documents (statement-map.yaml): every cited paragraph
// checked, and the entries put in reading order.
import type { StatementMapEntry } from './schema.ts';
import { missingParagraphError } from './references.ts';

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
