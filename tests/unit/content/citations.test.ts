// Citations keep their meaning (src/lib/content/citations.ts): the check the build runs, and what
// `npm run citations` changes after a deliberate edit.
import { describe, expect, it } from 'vitest';
import { checkCitations, renumberCitations, updateCitations } from '../../../src/lib/content/citations.ts';

const texts = (...paragraphs: string[]) => new Map(paragraphs.map((t, i) => [`a#p${i + 1}`, t]));
const place = (ref: string) => ({ ref, origin: `events.yaml: entry "e", field "paragraphs"` });
const lock = [
  { id: 'a#p1', text: '一。' },
  { id: 'a#p2', text: '二。' },
];

describe('checkCitations', () => {
  it('passes when every cited paragraph holds its recorded text, and warns of records nothing cites', () => {
    expect(checkCitations([place('a#p1')], texts('一。', '二。'), lock, 'citations.lock.yaml')).toEqual([
      'citations.lock.yaml: "a#p2" is recorded but cited nowhere — "npm run citations" removes it',
    ]);
  });

  it('stops on a paragraph inserted before a cited one, saying where the cited text went', () => {
    expect(() => checkCitations([place('a#p2')], texts('一。', '挿入。', '二。'), lock, 'citations.lock.yaml')).toThrow(
      [
        'events.yaml: entry "e", field "paragraphs": "a#p2" no longer holds the text it was cited for',
        '    cited: 二。',
        '    now:   挿入。',
        '    the cited text is now a#p3: paragraphs were inserted, deleted or moved',
      ].join('\n'),
    );
  });

  it('stops on an edited text, and on a deleted paragraph', () => {
    expect(() => checkCitations([place('a#p2')], texts('一。', '二、改。'), lock, 'f')).toThrow(/cited: 二。\n {4}now: {3}二、改。\n {4}the cited text was edited/);
    expect(() => checkCitations([place('a#p2')], texts('二。'), lock, 'f')).toThrow(/now: {3}\(a#p2 does not exist any more\)\n {4}the cited text is now a#p1/);
  });

  it('stops on a citation that is not recorded yet', () => {
    expect(() => checkCitations([place('a#p1')], texts('一。'), [], 'citations.lock.yaml')).toThrow(
      '"a#p1" is not recorded in citations.lock.yaml — run "npm run citations" to record the text it cites',
    );
  });
});

describe('updateCitations and renumberCitations', () => {
  it('renumbers moved citations, records edits, drops what nothing cites, keeps document order', () => {
    const now = texts('挿入。', '一、改。', '二。');
    const update = updateCitations(lock, now, ['a#p2', 'a#p1', 'a#p2']);
    expect([...update.moved]).toEqual([['a#p2', 'a#p3']]);
    expect(update.edited).toEqual([{ ref: 'a#p1', was: '一。', now: '挿入。' }]);
    expect(update.lock).toEqual([
      { id: 'a#p1', text: '挿入。' },
      { id: 'a#p3', text: '二。' },
    ]);
    expect(update.missing).toEqual([]);
  });

  it('rewrites every citation in one pass, never p1 inside p10, never a chain', () => {
    const moved = new Map([
      ['a#p1', 'a#p2'],
      ['a#p2', 'a#p3'],
    ]);
    expect(renumberCitations('paragraphs: ["a#p1", a#p2, a#p10, ba#p1]', moved)).toBe('paragraphs: ["a#p2", a#p3, a#p10, ba#p1]');
  });
});
