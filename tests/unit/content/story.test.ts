// The join of the content files: every reference resolves, or the build stops with a message that
// names the file, the entry, the field, the bad value and the nearest valid values.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, writeFileSync, readFileSync, rmSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStory } from '../../../src/lib/content/story.ts';
import { fixtureStory, loadStory, readStory } from '../load-content.ts';

/** A broken copy of the fixture story, edited by `edit(dir)`. */
function brokenCopy(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'story-'));
  cpSync(fixtureStory, dir, { recursive: true });
  edit(dir);
  return dir;
}
function replaceIn(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: "${from}" not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}
function expectLoadError(edit: (dir: string) => void, message: string | RegExp): void {
  const dir = brokenCopy(edit);
  try {
    expect(() => loadStory(dir)).toThrow(message);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

describe('the fixture story', () => {
  const model = loadStory(fixtureStory);
  it('joins documents in order with numbered paragraphs', () => {
    expect(model.documents.map((d) => [d.id, d.paragraphs.length])).toEqual([
      ['report', 2],
      ['notes', 2],
    ]);
    expect(model.paragraphs.get('notes#p2')?.paragraph.text).toBe('協定の期間は3~5年とし、延長できる。');
  });
  it('indexes events by actor and by cited paragraph, in date order', () => {
    expect(model.events.map((e) => e.id)).toEqual(['talks-open', 'signing', 'board-meets', 'extension-talks']);
    expect(model.eventsByActor.get('altea')?.map((e) => e.id)).toEqual(['talks-open', 'signing', 'extension-talks']);
    expect(model.eventsByParagraph.get('report#p2')?.map((e) => e.id)).toEqual(['signing']);
  });
});

describe('the statement map', () => {
  it('comes out in reading order whatever the order of the entries', () => {
    const input = readStory(fixtureStory);
    const model = buildStory({ ...input, statementMap: [...input.statementMap].reverse() });
    expect(model.statementMap.map((e) => e.id)).toEqual(['joint-operation', 'tariffs']);
  });
});

describe('bad references stop the build', () => {
  it('unknown actor id in an event', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'events.yaml', 'actors: [port-board]', 'actors: [port-bord]'),
      'events.yaml: entry "board-meets", field "actors": unknown actor id "port-bord" — did you mean "port-board"',
    );
  });
  it('unknown actor id in credits', () => {
    expectLoadError(
      (dir) =>
        replaceIn(dir, 'documents/notes.mdx', 'order: 2', 'order: 2\ncredits:\n  - { role: author, actor: mira, label: ミラ }'),
      /documents\/notes\.mdx: entry "notes", field "credits\.actor": unknown actor id "mira" — did you mean "altea"|"mira-thorn"/,
    );
  });
  it('unknown actor id among the featured actors', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'story.yaml', 'featuredActors: [mira-thorn, altea]', 'featuredActors: [thorn]'),
      'story.yaml: entry "story", field "featuredActors": unknown actor id "thorn"',
    );
  });
  it('a cited paragraph that does not exist', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'events.yaml', '"report#p2"', '"report#p9"'),
      'events.yaml: entry "signing", field "paragraphs": "report#p9" does not exist — report has paragraphs p1 to p2',
    );
  });
  it('a cited paragraph in a document that does not exist', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'events.yaml', '"notes#p1"', '"note#p1"'),
      'events.yaml: entry "signing", field "paragraphs": unknown document id "note" — did you mean "notes"',
    );
  });
  it('two documents with the same order', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'documents/notes.mdx', 'order: 2', 'order: 1'),
      /documents\/(notes|report)\.mdx: field "order": 1 is already used by documents\/(report|notes)\.mdx/,
    );
  });
  it('a document file name that is not ASCII', () => {
    expectLoadError(
      (dir) => renameSync(join(dir, 'documents/notes.mdx'), join(dir, 'documents/要旨.mdx')),
      'documents/要旨.mdx: the file name gives the id "要旨", which is not ASCII',
    );
  });
  it('two actors claiming the same surface form', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'actors.yaml', 'surfaceForms: [港湾委員会]', 'surfaceForms: [アルテア]'),
      'actors.yaml: entry "port-board": the form "アルテア" is already claimed by actors.yaml: entry "altea"',
    );
  });
  it('an unknown actor id in a joint form', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'mentions.yaml', 'actors: []', 'actors: [altia]'),
      'mentions.yaml: entry "port-city", field "actors": unknown actor id "altia" — did you mean "altea"',
    );
  });
  it('a statement point mapped to a missing paragraph', () => {
    expectLoadError(
      (dir) => replaceIn(dir, 'statement-map.yaml', 'point: notes#p1', 'point: notes#p5'),
      'statement-map.yaml: entry "joint-operation", field "point": "notes#p5" does not exist — notes has paragraphs p1 to p2',
    );
    expectLoadError(
      (dir) => replaceIn(dir, 'statement-map.yaml', 'discussedIn: [report#p1]', 'discussedIn: [reports#p1]'),
      'statement-map.yaml: entry "tariffs", field "discussedIn": "reports#p1" does not exist — there is no document "reports"',
    );
  });
  it('a surface form that never occurs is a warning, not an error', () => {
    const dir = brokenCopy((d) => replaceIn(d, 'actors.yaml', 'surfaceForms: [ソーン外相]', 'surfaceForms: [ソーン外相, ソーン首相]'));
    try {
      expect(loadStory(dir).warnings).toEqual([
        'actors.yaml: entry "mira-thorn": the form "ソーン首相" does not occur in any document — check its spelling, or remove it',
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
  it('an empty documents folder', () => {
    const input = readStory(fixtureStory);
    expect(() => buildStory({ ...input, documents: [] })).toThrow(
      'documents/: no documents found — add at least one .mdx file to the documents folder',
    );
  });
});

