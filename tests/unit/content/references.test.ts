import { describe, expect, it } from 'vitest';
import { ContentError, assertUniqueIds, editDistance, nearest, resolveId } from '../../../src/lib/content/references.ts';

describe('nearest', () => {
  it('orders valid ids by edit distance', () => {
    expect(editDistance('rubbio', 'rubio')).toBe(1);
    expect(nearest('rubbio', ['trump', 'rubio', 'russia', 'putin'], 2)).toEqual(['rubio', 'russia']);
  });
});

describe('resolveId', () => {
  const byId = new Map([
    ['rubio', 1],
    ['russia', 2],
  ]);
  const place = { file: 'events.yaml', entry: 'jeddah-talks', field: 'actors' };
  it('returns the item for a known id', () => {
    expect(resolveId('rubio', byId, place, 'actor')).toBe(1);
  });
  it('names file, entry, field, the bad id and the nearest valid ids', () => {
    expect(() => resolveId('rubbio', byId, place, 'actor')).toThrow(ContentError);
    expect(() => resolveId('rubbio', byId, place, 'actor')).toThrow(
      'events.yaml: entry "jeddah-talks", field "actors": unknown actor id "rubbio" — did you mean "rubio", "russia"?',
    );
  });
});

describe('assertUniqueIds', () => {
  it('accepts distinct ids', () => {
    expect(() => assertUniqueIds([{ id: 'a' }, { id: 'b' }], 'actors.yaml')).not.toThrow();
  });
  it('names the duplicate and both positions', () => {
    expect(() => assertUniqueIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }], 'actors.yaml')).toThrow(
      'actors.yaml: duplicate id "a" in entries 1 and 3',
    );
  });
});
