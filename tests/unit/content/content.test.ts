// The real content: it parses, every reference resolves, and the texts are the seed's, verbatim.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory, realContent, repoRoot } from '../load-content.ts';
import { dateMarkers } from '../../../src/lib/view/paragraph-markers.ts';

const model = loadStory(realContent);
// The source text as published, kept in the repository (tests/fixtures/seed), one paragraph a line;
// the seed indents its lines with a space, which is layout, not text.
const seedDir = join(repoRoot, 'tests', 'fixtures', 'seed');
const seedLines = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(seedDir, f), 'utf8').split(/\r?\n/))
  .map((l) => l.trim())
  .filter(Boolean);
/** The paragraphs of each .mdx body exactly as written in the file (blocks between blank lines). */
const sourceBlocks = model.documents.flatMap((d) => {
  const raw = readFileSync(join(realContent, d.file), 'utf8');
  const body = raw.slice(raw.indexOf('\n---', 3) + 4);
  return body.split(/\r?\n\s*\r?\n/).map((b) => b.replace(/^\r?\n+|\r?\n+$/g, '')).filter(Boolean);
});

describe('the real story', () => {
  it('has the three documents in order: analysis, interview, statement', () => {
    expect(model.documents.map((d) => [d.id, d.data.kind, d.paragraphs.length])).toEqual([
      ['analysis', 'analysis', 11],
      ['interview', 'interview', 5],
      ['statement', 'statement', 7],
    ]);
  });

  it('holds every body paragraph of the seed byte for byte, in the seed order', () => {
    const bodyLines = seedLines.filter((l) => l.includes('。'));
    // As written in the files (the same bytes) and as the pipeline reads them (no markup changed them).
    expect(sourceBlocks.map((b) => Buffer.from(b).toString('hex'))).toEqual(bodyLines.map((l) => Buffer.from(l).toString('hex')));
    expect(model.documents.flatMap((d) => d.paragraphs.map((p) => p.text))).toEqual(bodyLines);
  });

  it('keeps the interview byline as the seed has it', () => {
    expect(model.paragraphs.get('interview#p5')?.paragraph.text).toMatch(/\(聞き手・国際部 中根圭一\)$/);
  });

  it('credits the interviewee and interviewer to existing actors', () => {
    const interview = model.documentsById.get('interview')!;
    expect(interview.data.credits.map((c) => [c.role, model.actorsById.get(c.actor)?.name])).toEqual([
      ['interviewee', '鶴岡路人'],
      ['interviewer', '中根圭一'],
    ]);
  });

  it('gives every actor surface form that occurs in the texts, and no form to two actors', () => {
    const text = model.documents.flatMap((d) => d.paragraphs.map((p) => p.text)).join('\n') + seedLines.join('\n');
    const owner = new Map<string, string>();
    for (const actor of model.actors) {
      for (const form of actor.surfaceForms) {
        expect(text, `${actor.id}: ${form}`).toContain(form);
        expect(owner.get(form), `${form} claimed twice`).toBeUndefined();
        owner.set(form, actor.id);
      }
    }
  });

  it('cites only paragraphs that mention something of the event', () => {
    const jeddah = model.events.find((e) => e.id === 'jeddah-talks')!;
    expect(jeddah.paragraphs.map((ref) => model.paragraphs.get(ref)!.paragraph.text).join('')).toContain('8時間以上');
    const oval = model.events.find((e) => e.id === 'oval-office-clash')!;
    for (const ref of oval.paragraphs) expect(model.paragraphs.get(ref)!.paragraph.text).toContain('2月末');
  });

  it('dates the documents as the fact sheet allows: 12–13 March 2025, approximate, with a note', () => {
    for (const doc of model.documents) {
      expect(doc.data.date).toMatchObject({ date: '2025-03-12', end: '2025-03-13', precision: 'approximate' });
      expect(doc.data.date.note).toBeTruthy();
    }
  });
});

describe('actor mentions in the real text (FACTS.md §3b)', () => {
  // Count of each form in the body paragraphs. Forms that occur only in headings (鶴岡路人, 慶応大,
  // 米ウクライナ) are 0 here: the headings are the documents' titles and credits.
  const expected: Record<string, [string, number]> = {
    トランプ大統領: ['trump', 2],
    トランプ氏: ['trump', 3],
    トランプ米大統領: ['trump', 1],
    トランプ政権: ['trump-admin', 2],
    プーチン大統領: ['putin', 1],
    プーチン氏: ['putin', 1],
    ウォロディミル・ゼレンスキー大統領: ['zelensky', 1],
    米国とウクライナの大統領: ['trump+zelensky', 1],
    米国のマイク・ウォルツ国家安全保障担当大統領補佐官: ['waltz', 1],
    ルビオ国務長官: ['rubio', 1],
    中根圭一: ['nakane', 1],
    国際部: ['kokusaibu', 1],
    ウクライナ代表団: ['ukr-delegation', 3],
    両代表団: ['usa+ukr-delegation', 2],
    両国: ['usa+ukraine', 3],
    両政府: ['usa+ukraine', 1],
    米国議会: ['us-congress', 1],
    米国民: ['us-people', 1],
    欧州の友好国: ['europe', 1],
    米欧: ['usa+europe', 1],
    米国: ['usa', 18],
    ウクライナ: ['ukraine', 22],
    同国: ['ukraine', 1],
    ロシア: ['russia', 17],
    ロシア側: ['russia', 1],
    露側: ['russia', 3],
  };

  it('finds each form as often as the fact sheet counts it, for the actors it names', () => {
    const counted: Record<string, [string, number]> = {};
    for (const mentions of model.mentionsByParagraph.values()) {
      for (const m of mentions) {
        const [, n] = counted[m.form] ?? ['', 0];
        counted[m.form] = [m.actors.join('+'), n + 1];
      }
    }
    expect(counted).toEqual(expected);
  });

  it('lists each actor’s passages and each document’s actors in reading order', () => {
    expect(model.passagesByActor.get('rubio')?.map((p) => p.ref)).toEqual(['analysis#p6']);
    expect(model.passagesByActor.get('zelensky')?.map((p) => p.ref)).toEqual(['analysis#p10', 'statement#p7']);
    expect(model.actorsByDocument.get('interview')).toEqual(['usa', 'ukraine', 'trump', 'russia', 'kokusaibu', 'nakane']);
  });

  it('leaves no surface form unused', () => {
    expect(model.warnings).toEqual([]);
  });

  it('maps every statement point to an existing statement paragraph', () => {
    const points = model.statementMap.filter((e) => e.point).map((e) => e.point);
    expect(points).toEqual(model.documentsById.get('statement')!.paragraphs.map((p) => `statement#${p.id}`));
    expect(model.statementMap.filter((e) => !e.point).map((e) => e.label)).toEqual([
      '「安全の保証」(声明は長期的な安全保障に一般的に触れるだけ)',
      '領土問題',
      'ウクライナ大統領選の実施',
    ]);
  });
});

describe('date markers', () => {
  it('give a paragraph one marker per date, naming every event of that day', () => {
    const events = model.eventsByParagraph.get('analysis#p1')!;
    expect(events.map((e) => e.dating.date)).toEqual(['2025-03-11', '2025-03-11']);
    const markers = dateMarkers(events, 'articles/analysis.html');
    expect(markers).toEqual([
      {
        href: '../timeline.html#jeddah-talks',
        text: '3月11日',
        label: `時系列、2025年3月11日、${events.map((e) => e.title).join('、')}`,
      },
    ]);
  });
});
