// Bad content must be rejected with a message that names the field, the bad value and what is valid.
import { describe, expect, it } from 'vitest';
import { actorSchema, documentSchema, eventSchema, storySchema } from '../../../src/lib/content/schema.ts';
import type { z } from 'astro/zod';

const goodDocument = {
  title: '見出し',
  description: '説明文。',
  kind: 'analysis',
  order: 1,
  date: { date: '2025-03-12', end: '2025-03-13', precision: 'approximate' },
};
const goodActor = {
  id: 'rubio',
  name: 'マルコ・ルビオ',
  reading: 'マルコ・ルビオ',
  nameEn: 'Marco Rubio',
  type: 'person',
  role: '米国務長官',
  description: '米国務長官。',
};
const goodEvent = {
  id: 'jeddah-talks',
  dating: { date: '2025-03-11', precision: 'day' },
  title: '高官協議',
  description: '米ウクライナ高官協議。',
  actors: ['rubio'],
  relation: 'reported',
  paragraphs: ['analysis#p2'],
  confidence: 'high',
  sources: [{ url: 'https://example.org/a', label: '例' }],
};

/** The messages zod gives, as "path: message" lines. */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the valid examples pass', () => {
  it('document, actor and event', () => {
    expect(problems(documentSchema, goodDocument)).toEqual([]);
    expect(problems(actorSchema, goodActor)).toEqual([]);
    expect(problems(eventSchema, goodEvent)).toEqual([]);
  });
});

describe('documents', () => {
  it('missing or empty title', () => {
    const { title: _, ...noTitle } = goodDocument;
    expect(problems(documentSchema, noTitle)).toEqual(['title: title is required']);
    expect(problems(documentSchema, { ...goodDocument, title: '  ' })).toEqual(['title: title must not be empty']);
  });
  it('unknown kind', () => {
    expect(problems(documentSchema, { ...goodDocument, kind: 'opinion' })).toEqual([
      'kind: kind "opinion" is not one of: analysis, interview, statement',
    ]);
  });
  it('description over 120 characters', () => {
    expect(problems(documentSchema, { ...goodDocument, description: 'あ'.repeat(121) })).toEqual([
      'description: description is 121 characters long: keep it to 120 or fewer',
    ]);
  });
  it('unknown credit role', () => {
    const credits = [{ role: 'photographer', actor: 'x', label: 'x' }];
    expect(problems(documentSchema, { ...goodDocument, credits })).toEqual([
      'credits.0.role: credit role "photographer" is not one of: interviewee, interviewer, author',
    ]);
  });
});

describe('dates', () => {
  const withDate = (date: Record<string, unknown>) => ({ ...goodDocument, date });
  it('malformed date', () => {
    expect(problems(documentSchema, withDate({ date: '12 March 2025', precision: 'day' }))).toEqual([
      'date.date: "12 March 2025" is not a real date: use "YYYY-MM-DD" (e.g. "2025-03-11") or, for a month, "YYYY-MM"',
    ]);
  });
  it('impossible date', () => {
    expect(problems(documentSchema, withDate({ date: '2025-02-30', precision: 'day' }))[0]).toMatch(
      /^date\.date: "2025-02-30" is not a real date/,
    );
  });
  it('an unquoted YAML date (a Date object) asks for quotes', () => {
    expect(problems(documentSchema, withDate({ date: new Date('2025-03-11'), precision: 'day' }))[0]).toMatch(
      /^date\.date: write dates as quoted text/,
    );
  });
  it('precision that contradicts the date', () => {
    expect(problems(documentSchema, withDate({ date: '2025-03', precision: 'day' }))).toEqual([
      'date.precision: "2025-03" is a month: set precision to "month", or give a day like "2025-03-11"',
    ]);
    expect(problems(documentSchema, withDate({ date: '2025-03-11', precision: 'month' }))).toEqual([
      'date.date: precision "month" needs a month like "2025-03", not "2025-03-11"',
    ]);
  });
  it('a span that ends before it starts', () => {
    expect(problems(documentSchema, withDate({ date: '2025-03-13', end: '2025-03-12', precision: 'day' }))).toEqual([
      'date.end: end "2025-03-12" must be a day after date "2025-03-13"',
    ]);
  });
  it('unknown precision', () => {
    expect(problems(documentSchema, withDate({ date: '2025-03-11', precision: 'exact' }))).toEqual([
      'date.precision: precision "exact" is not one of: day, month, approximate',
    ]);
  });
});

describe('actors', () => {
  it('non-ASCII id', () => {
    expect(problems(actorSchema, { ...goodActor, id: 'ルビオ' })).toEqual([
      'id: "ルビオ" is not a valid id: use lower-case ASCII letters, digits and single hyphens, e.g. "rubio" or "talks-jeddah"',
    ]);
  });
  it('no reading, or a reading that is not kana', () => {
    const { reading: _, ...noReading } = goodActor;
    expect(problems(actorSchema, noReading)).toEqual([
      'reading: a reading is required, in kana (e.g. "つるおか みちと" or "トランプ")',
    ]);
    expect(problems(actorSchema, { ...goodActor, reading: 'Rubio' })).toEqual([
      'reading: reading "Rubio" must be kana only (e.g. "つるおか みちと" or "トランプ")',
    ]);
  });
  it('unknown type', () => {
    expect(problems(actorSchema, { ...goodActor, type: 'country' })).toEqual([
      'type: type "country" is not one of: person, state, organisation, group',
    ]);
  });
  it('a source that is not a URL', () => {
    expect(problems(actorSchema, { ...goodActor, sources: [{ url: 'kyivindependent.com/x' }] })).toEqual([
      'sources.0.url: source "kyivindependent.com/x" is not an http(s) URL, e.g. "https://example.com/page"',
    ]);
  });
});

describe('events', () => {
  it('a paragraph reference in the wrong shape', () => {
    expect(problems(eventSchema, { ...goodEvent, paragraphs: ['analysis-3'] })).toEqual([
      'paragraphs.0: "analysis-3" is not a paragraph reference: use "<document id>#p<number>", e.g. "analysis#p3"',
    ]);
  });
  it('unknown relation and low confidence', () => {
    expect(problems(eventSchema, { ...goodEvent, relation: 'future', confidence: 'low' })).toEqual([
      'relation: relation "future" is not one of: background, reported, aftermath',
      'confidence: confidence "low" is not one of: high, medium (low facts are left out)',
    ]);
  });
  it('an event without sources', () => {
    expect(problems(eventSchema, { ...goodEvent, sources: [] })).toEqual(['sources: an event needs at least one source']);
  });
});

describe('story', () => {
  it('must have the id "story" and a site name', () => {
    expect(problems(storySchema, { id: 'x', title: 't', lead: 'l', description: 'd', asOf: '2025-03-11' })).toEqual([
      'id: the story file holds one entry with id "story"',
      'siteName: siteName is required',
    ]);
  });
});
