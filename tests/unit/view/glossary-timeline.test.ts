import { describe, expect, it } from 'vitest';
import { groupActors, sortByReading, rubyReading } from '../../../src/lib/view/glossary.ts';
import { groupByMonth, timelinePages, periodOf } from '../../../src/lib/view/timeline.ts';
import { sortEvents } from '../../../src/lib/content/story.ts';
import { countCharacters, readingMinutes } from '../../../src/lib/content/reading-time.ts';
import { actorSchema, eventSchema } from '../../../src/lib/content/schema.ts';
import { phraseChunks, isQuestion } from '../../../src/lib/view/phrases.ts';

const actor = (id: string, type: string, reading: string, sortKey?: string) =>
  actorSchema.parse({ id, name: reading, reading, sortKey, nameEn: id, type, role: '役', description: '説明' });
const event = (id: string, date: string) =>
  eventSchema.parse({
    id,
    dating: { date, precision: date.length === 7 ? 'month' : 'day' },
    title: id,
    description: id,
    relation: 'background',
    confidence: 'high',
    sources: [{ url: 'https://example.org/' }],
  });

describe('glossary', () => {
  it('orders by reading in 50-on order, using sortKey where given', () => {
    const sorted = sortByReading([
      actor('trump', 'person', 'ドナルド・トランプ', 'トランプ ドナルド'),
      actor('tsuruoka', 'person', 'つるおか みちと'),
      actor('putin', 'person', 'ウラジーミル・プーチン', 'プーチン ウラジーミル'),
      actor('zelensky', 'person', 'ウォロディミル・ゼレンスキー', 'ゼレンスキー ウォロディミル'),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['zelensky', 'tsuruoka', 'trump', 'putin']);
  });
  it('groups by type in the schema order and leaves out empty groups', () => {
    const groups = groupActors([actor('usa', 'state', 'べいこく'), actor('rubio', 'person', 'ルビオ')]);
    expect(groups.map((g) => g.type)).toEqual(['person', 'state']);
  });
  it('puts ruby only over names with kanji', () => {
    expect(rubyReading({ name: '鶴岡路人', reading: 'つるおか みちと' })).toBe('つるおか みちと');
    expect(rubyReading({ name: 'マルコ・ルビオ', reading: 'マルコ・ルビオ' })).toBeUndefined();
  });
});

describe('timeline', () => {
  it('sorts by date, a month before its days, and groups by month', () => {
    const sorted = sortEvents([event('c', '2025-03-11'), event('a', '2025-02-28'), event('b', '2025-03')]);
    expect(sorted.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(groupByMonth(sorted).map((g) => [g.month, g.events.map((e) => e.id)])).toEqual([
      ['2025-02', ['a']],
      ['2025-03', ['b', 'c']],
    ]);
  });
});

describe('reading time', () => {
  it('counts characters without whitespace and rounds minutes up', () => {
    expect(countCharacters('米国と ウクライナ\n')).toBe(8);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(501)).toBe(2);
  });
});

describe('phraseChunks', () => {
  it('cuts by phrase, breaks after a headline space, and joins back exactly', () => {
    const title = 'ウクライナ、米停戦案を丸のみ 関係修復を優先';
    const chunks = phraseChunks(title);
    expect(chunks.join('')).toBe(title);
    expect(chunks).toContain('丸のみ ');
    expect(chunks.some((c) => c.includes('\u200b'))).toBe(false);
    expect(chunks.some((c) => c.includes('ウクライ') && !c.includes('ウクライナ'))).toBe(false);
  });
  it('tells an interview question by its opening dash pair', () => {
    expect(isQuestion('――停戦は実現するか。')).toBe(true);
    expect(isQuestion('停戦交渉は難しい。')).toBe(false);
  });
});

describe('timeline pages', () => {
  const ev = (id: string, date: string, relation: 'background' | 'reported' | 'aftermath') =>
    ({ id, dating: { date, precision: 'day' }, relation }) as unknown as Parameters<typeof timelinePages>[0][number];
  it('keeps the story until the article on the main page and puts what came after on a page per month', () => {
    const { main, periods } = timelinePages([
      ev('a', '2025-02-28', 'background'),
      ev('b', '2025-03-11', 'reported'),
      ev('c', '2025-03-18', 'aftermath'),
      ev('d', '2025-04-17', 'aftermath'),
      ev('e', '2025-04-30', 'aftermath'),
    ]);
    expect(main.map((e) => e.id)).toEqual(['a', 'b']);
    expect(periods.map((p) => [p.id, p.label, p.events.map((e) => e.id)])).toEqual([
      ['2025-03', '2025年3月', ['c']],
      ['2025-04', '2025年4月', ['d', 'e']],
    ]);
    expect(periodOf(ev('x', '2026-12-01', 'aftermath'))).toBe('2026-12');
    expect(periodOf(ev('y', '2026-12-01', 'reported'))).toBeUndefined();
  });
});
