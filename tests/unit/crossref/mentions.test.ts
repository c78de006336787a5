import { describe, expect, it } from 'vitest';
import { createMatcher, mentionRules, unusedForms, type MentionRule } from '../../../src/lib/crossref/mentions.ts';
import { excerpt, openingLine } from '../../../src/lib/view/excerpts.ts';
import { actorSchema, jointMentionSchema } from '../../../src/lib/content/schema.ts';

const actor = (id: string, surfaceForms: string[]) =>
  actorSchema.parse({ id, name: id, reading: 'あ', nameEn: id, type: 'person', role: '役', description: '説明', surfaceForms });
const joint = (id: string, form: string, actors: string[]) => jointMentionSchema.parse({ id, form, actors });
const files = { actors: 'actors.yaml', mentions: 'mentions.yaml' };

const rules = mentionRules(
  [
    actor('trump', ['トランプ米大統領', 'トランプ大統領', 'トランプ氏']),
    actor('usa', ['米国']),
    actor('us-congress', ['米国議会']),
    actor('ukraine', ['ウクライナ']),
    actor('russia', ['ロシア', 'ロシア側', '露側']),
    actor('putin', ['プーチン大統領']),
  ],
  [joint('both-countries', '両国', ['usa', 'ukraine']), joint('election', 'ウクライナ大統領選', [])],
  files,
);
const match = createMatcher(rules);
const found = (text: string) => match(text).map((m) => `${m.form}:${m.actors.join('+')}`);

describe('createMatcher', () => {
  it('takes the longest form at each position', () => {
    expect(found('トランプ米大統領と米国議会、米国。')).toEqual(['トランプ米大統領:trump', '米国議会:us-congress', '米国:usa']);
  });
  it('finds a state and a person side by side', () => {
    expect(found('ロシアのプーチン大統領とロシア側')).toEqual(['ロシア:russia', 'プーチン大統領:putin', 'ロシア側:russia']);
  });
  it('names both actors of a joint form', () => {
    expect(found('両国の首脳')).toEqual(['両国:usa+ukraine']);
  });
  it('skips a form that names nobody, and the name inside it', () => {
    expect(found('ウクライナ大統領選の実施とウクライナ')).toEqual(['ウクライナ:ukraine']);
  });
  it('never matches a bare 米', () => {
    expect(found('米欧、米ウクライナ、訪米')).toEqual(['ウクライナ:ukraine']);
  });
  it('gives offsets into the text', () => {
    expect(match('今日、トランプ氏は')).toEqual([{ start: 3, end: 8, form: 'トランプ氏', actors: ['trump'] }]);
  });
  it('escapes forms that look like patterns, and matches nothing without rules', () => {
    const m = createMatcher([{ form: 'A.B(1)', actors: ['x'], origin: 't' }]);
    expect(m('AxB(1) A.B(1)').map((x) => x.start)).toEqual([7]);
    expect(createMatcher([])('米国')).toEqual([]);
  });
  it('runs one pattern whatever the number of actors', () => {
    const many: MentionRule[] = Array.from({ length: 2000 }, (_, i) => ({ form: `人物${i}号`, actors: [`a${i}`], origin: 't' }));
    expect(createMatcher(many)('人物1999号と人物7号').map((m) => m.actors[0])).toEqual(['a1999', 'a7']);
  });
});

describe('mentionRules', () => {
  it('refuses a form claimed by two actors, naming both', () => {
    expect(() => mentionRules([actor('usa', ['米国']), actor('america', ['米国'])], [], files)).toThrow(
      'actors.yaml: entry "america": the form "米国" is already claimed by actors.yaml: entry "usa"',
    );
  });
  it('refuses a joint form that an actor already claims', () => {
    expect(() => mentionRules([actor('usa', ['両国'])], [joint('both', '両国', ['usa'])], files)).toThrow(
      'mentions.yaml: entry "both": the form "両国" is already claimed by actors.yaml: entry "usa"',
    );
  });
});

describe('unusedForms', () => {
  it('lists the forms that occur in none of the texts', () => {
    expect(unusedForms(rules, ['トランプ氏と米国', '両国']).map((r) => r.form)).toEqual([
      'トランプ米大統領',
      'トランプ大統領',
      '米国議会',
      'ウクライナ',
      'ロシア',
      'ロシア側',
      '露側',
      'プーチン大統領',
      'ウクライナ大統領選',
    ]);
  });
});

describe('excerpts', () => {
  it('cuts around a mention with ellipses', () => {
    expect(excerpt('あいうえおかきくけこさしすせそ', 6, 8, 3)).toEqual({ before: '…えおか', match: 'きく', after: 'けこさ…' });
    expect(excerpt('あいうえお', 0, 2, 3)).toEqual({ before: '', match: 'あい', after: 'うえお' });
  });
  it('shortens a paragraph to its opening', () => {
    expect(openingLine('あいうえお', 3)).toBe('あいう…');
    expect(openingLine('あい', 3)).toBe('あい');
  });
});
