// The glossary: actors grouped by type, each group in Japanese dictionary order of the reading.
import { actorTypes, type Actor } from '../content/schema.ts';

const collator = new Intl.Collator('ja');

/** Actors in 50-on order of `sortKey` (or `reading`), ties broken by id for a stable order. */
export function sortByReading(actors: readonly Actor[]): Actor[] {
  return [...actors].sort((a, b) => collator.compare(a.sortKey ?? a.reading, b.sortKey ?? b.reading) || a.id.localeCompare(b.id));
}

export interface ActorGroup {
  type: Actor['type'];
  actors: Actor[];
}

/** Non-empty groups in the schema's type order (person, state, organisation, group). */
export function groupActors(actors: readonly Actor[]): ActorGroup[] {
  return actorTypes
    .map((type) => ({ type, actors: sortByReading(actors.filter((a) => a.type === type)) }))
    .filter((g) => g.actors.length > 0);
}

/** The reading to show as ruby over the name: only when the name has kanji (katakana reads itself). */
export function rubyReading(actor: Pick<Actor, 'name' | 'reading'>): string | undefined {
  return /\p{Script=Han}/u.test(actor.name) ? actor.reading : undefined;
}
