// 「声明のその後」: the tracker's rules stop the build with a message that says what to fix, and
// the view models give the pages what they show. On copies of the fixture story.
import { describe, expect, it, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureStory, loadStory } from '../load-content.ts';
import { trackerOverview, pointView } from '../../../src/lib/view/tracker-view.ts';
import { appearancesOf } from '../../../src/lib/view/appearances.ts';

const work = mkdtempSync(join(tmpdir(), 'tracker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
function errorOf(file: string, from: string | RegExp, to: string): string {
  const dir = join(work, `story-${++n}`);
  cpSync(fixtureStory, dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not in ${file}`);
  writeFileSync(path, next);
  try {
    loadStory(dir);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the content should have been rejected');
}

describe('bad tracker content stops the build', () => {
  it('an unknown status, with its line', () => {
    expect(errorOf('tracker.yaml', 'status: done', 'status: achieved')).toMatch(
      /^tracker\.yaml:\d+:15: entry "joint-operation", field "history\.1\.status" \(is "achieved"\): status "achieved" is not one of: done, partial, not-done, stalled, in-progress, not-rated$/,
    );
  });
  it('a history out of date order', () => {
    expect(errorOf('tracker.yaml', 'date: "2030-07-12"', 'date: "2030-05-30"')).toBe(
      'tracker.yaml: entry "joint-operation", field "history.1.date": "2030-05-30" is not after the previous change ("2030-06-01") — write the history oldest first, one change per day',
    );
  });
  it('a status change citing an event that does not exist', () => {
    expect(errorOf('tracker.yaml', 'events: [board-meets]\n  events:', 'events: [board-meeting]\n  events:')).toBe(
      'tracker.yaml: entry "joint-operation", field "history.1.events": unknown event id "board-meeting" — did you mean "board-meets", "talks-open", "signing"?',
    );
  });
  it('a final rating while the evidence says the action goes on', () => {
    expect(errorOf('tracker.yaml', 'events: [signing, board-meets]', 'events: [signing, board-meets, extension-talks]')).toBe(
      'tracker.yaml: entry "joint-operation", field "history": the final status "done" is rated on 2030-07-12, but the evidence goes on after it ("extension-talks" 2030-11-20) — a final rating is given only when the action is over: rate it "in-progress" or "stalled", or add a later change',
    );
  });
  it('a checked date earlier than the newest evidence', () => {
    expect(errorOf('story.yaml', 'checkedOn: "2030-12-31"', 'checkedOn: "2030-10-01"')).toBe(
      'story.yaml: entry "story", field "checkedOn": "2030-10-01" is earlier than the newest evidence ("extension-talks", 2030-11-20) — the checked date is the last day the sources reach',
    );
  });
  it('an expectation citing a paragraph that does not exist, or misquoting it', () => {
    expect(errorOf('expectations.yaml', 'paragraph: report#p2', 'paragraph: report#p7')).toBe(
      'expectations.yaml: entry "signing-soon", field "paragraph": "report#p7" does not exist — report has paragraphs p1 to p2',
    );
    expect(errorOf('expectations.yaml', 'quote: 港湾委員会が運用を担う。', 'quote: 港湾委員会が運用する。')).toMatch(
      /^expectations\.yaml: entry "signing-soon", field "quote": "港湾委員会が運用する。" does not stand in report#p2 — copy the sentence exactly/,
    );
  });
  it('a statement point with no tracker entry', () => {
    expect(errorOf('tracker.yaml', /- id: term[\s\S]*$/, '')).toBe(
      'tracker.yaml: the statement point "notes#p2" has no tracker entry — add an entry with "point: notes#p2" (every point of the statement is followed)',
    );
  });
  it('an aftermath event that is not aftermath, or whose id is taken', () => {
    expect(errorOf('aftermath.yaml', 'relation: aftermath', 'relation: reported')).toMatch(
      /^aftermath\.yaml: entry "extension-talks", field "relation": "reported" — this file holds what happened after the article/,
    );
    expect(errorOf('aftermath.yaml', 'id: extension-talks', 'id: signing')).toMatch(
      /^aftermath\.yaml: entry "signing", field "id": "signing" is already an event of events\.yaml/,
    );
  });
});

describe('view models', () => {
  const model = loadStory(fixtureStory);
  it('the overview: points in the order of the statement, with status, date of the last change and the counts', () => {
    const view = trackerOverview(model);
    expect(view.rows.map((r) => [r.n, r.id, r.status.label, r.status.shape, r.ratedOn])).toEqual([
      [1, 'joint-operation', '実現', '●', '2030-07-12'],
      [2, 'term', '進行中', '▶', '2030-06-01'],
    ]);
    expect(view.countsText).toBe('実現1件、進行中1件');
    expect(view.counts.map((c) => c.count)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(view.checkedOn).toBe('2030-12-31');
    expect(view.statementRoute).toBe('articles/notes.html');
  });
  it("a point's page: its words, the history as changes from one status to the next, the expectations", () => {
    const view = pointView(model, 'joint-operation');
    expect(view.text).toBe('アルテアは、港湾委員会を通じて港を共同で運用する。');
    expect(view.history.map((h) => [h.date, h.from?.label, h.to.label, h.events.map((e) => e.id)])).toEqual([
      ['2030-06-01', undefined, '進行中', ['signing']],
      ['2030-07-12', '進行中', '実現', ['board-meets']],
    ]);
    expect(view.expectations).toEqual([
      expect.objectContaining({ quote: '港湾委員会が運用を担う。', paragraphRoute: 'articles/report.html#p2', n: 2 }),
    ]);
    expect(view.expectations[0]!.outcome.map((e) => e.id)).toEqual(['board-meets']);
    expect([...view.keyEvents].sort()).toEqual(['board-meets', 'signing']);
    expect(view.others.map((o) => o.id)).toEqual(['term']);
  });
  it('the points an actor takes part in', () => {
    expect(model.tracker.pointsByActor.get('altea')?.map((p) => p.entry.id)).toEqual(['joint-operation', 'term']);
    expect(model.tracker.pointsByActor.get('port-board')?.map((p) => p.entry.id)).toEqual(['joint-operation']);
  });
  it('counts the credits of a text as appearances', () => {
    expect(appearancesOf(model, 'mira-thorn').count).toBe((model.passagesByActor.get('mira-thorn') ?? []).length);
  });
});
