// The real content: it parses, every reference resolves, and the texts are the seed's, verbatim.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory, realContent, repoRoot } from './load-content.ts';

const model = loadStory(realContent);
const seedDir = join(repoRoot, '../shared/seed');
const seedLines = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(seedDir, f), 'utf8').split('\n'))
  .map((l) => l.trim())
  .filter(Boolean);

describe('the real story', () => {
  it('has the three documents in order: analysis, interview, statement', () => {
    expect(model.documents.map((d) => [d.id, d.data.kind, d.paragraphs.length])).toEqual([
      ['analysis', 'analysis', 11],
      ['interview', 'interview', 5],
      ['statement', 'statement', 7],
    ]);
  });

  it('holds every body paragraph of the seed verbatim, in the seed order', () => {
    const paragraphs = model.documents.flatMap((d) => d.paragraphs.map((p) => p.text));
    const bodyLines = seedLines.filter((l) => l.includes('。'));
    expect(paragraphs).toEqual(bodyLines);
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
