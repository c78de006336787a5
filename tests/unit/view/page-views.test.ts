// The view models of the document and actor pages, on the real story: what each page shows and
// where its links lead (relative to the page itself).
import { describe, expect, it } from 'vitest';
import { loadStory, realContent } from '../load-content.ts';
import { articleView, neighbourDocuments, paragraphName } from '../../../src/lib/view/article-view.ts';
import { actorView } from '../../../src/lib/view/actor-view.ts';
import { homeView } from '../../../src/lib/view/home-view.ts';
import { timelineView } from '../../../src/lib/view/timeline-view.ts';

const model = loadStory(realContent);

describe('articleView', () => {
  const statement = articleView(model, 'statement');
  const interview = articleView(model, 'interview');

  it('links from the document page, never from the site root', () => {
    expect(statement.route).toBe('articles/statement.html');
    expect(statement.cast[0]!.href).toMatch(/^\.\.\/actors\/[a-z-]+\.html$/);
    expect(statement.points[0]!.paragraph).toEqual({ href: '#p1', text: '第1段落' });
  });
  it('reads each point of the statement against the other texts and what became of it', () => {
    const tracked = statement.points.filter((p) => p.tracked);
    expect(tracked.length).toBe(model.tracker.points.length);
    expect(tracked[0]!.tracked!.href).toMatch(/^\.\.\/tracker\/[a-z-]+\.html$/);
    const discussed = statement.points.flatMap((p) => p.discussedIn);
    expect(discussed.length).toBeGreaterThan(0);
    expect(discussed[0]!.text).toMatch(/^(解説|インタビュー)・第\d+段落$/);
    expect(discussed[0]!.opening.length).toBeLessThanOrEqual(37);
  });
  it('lists what the statement leaves out on the statement only', () => {
    expect(statement.omissions.map((o) => o.label)).toContain('領土問題');
    expect(interview.omissions).toEqual([]);
    expect(interview.points).toEqual([]);
  });
  it('credits the interviewee under the headline and counts each actor of the cast', () => {
    expect(interview.interviewee?.href).toBe('../actors/tsuruoka.html');
    const counts = new Map(interview.cast.map((c) => [c.actor.id, c.count]));
    expect(counts.get('tsuruoka')).toBe(model.mentionCounts.get('interview')!.get('tsuruoka'));
  });
  it('links every event citing the document to its place on the timeline and to the paragraphs', () => {
    const talks = articleView(model, 'analysis').related.find((e) => e.paragraphs.length > 0)!;
    expect(talks.href).toMatch(/^\.\.\/timeline(\/\d{4}-\d{2})?\.html#[a-z0-9-]+$/);
    expect(talks.paragraphs[0]!.href).toMatch(/^#p\d+$/);
  });
  it('offers the other documents and the sections of the site', () => {
    expect(interview.others.map((o) => o.href)).toEqual(['analysis.html', 'statement.html']);
    expect(interview.sections.map((s) => s.text)).toEqual(['声明のその後', '時系列で見る', '人物・国・組織の一覧']);
  });
});

describe('neighbourDocuments and paragraphName', () => {
  const docs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id }));
  it('offers every other document of a small story, only the nearest in a large one', () => {
    expect(neighbourDocuments(docs.slice(0, 3), 'b').map((d) => d.id)).toEqual(['a', 'c']);
    expect(neighbourDocuments(docs, 'a').map((d) => d.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(neighbourDocuments(docs, 'd').map((d) => d.id)).toEqual(['b', 'c', 'e', 'f']);
  });
  it('names a paragraph by its number', () => {
    expect(paragraphName('analysis#p12')).toBe('第12段落');
  });
});

describe('actorView', () => {
  it('gives the role as of the talks for an actor of the article', () => {
    const rubio = actorView(model, 'rubio');
    expect(rubio.roleLabel).toBe('2025年3月11日時点の肩書き・立場');
    expect(rubio.passages.length).toBe(model.passagesByActor.get('rubio')!.length);
    expect(rubio.passages[0]!.href).toMatch(/^\.\.\/articles\/[a-z]+\.html#p\d+$/);
    expect(rubio.passages[0]!.excerpt.match.length).toBeGreaterThan(0);
  });
  it('puts the interviewee credit apart from the passages, and names the articles crediting an author', () => {
    const tsuruoka = actorView(model, 'tsuruoka');
    expect(tsuruoka.headingCredits.map((c) => c.note)).toEqual(['インタビューの話し手(見出しの下のクレジット)']);
    expect(tsuruoka.credited.map((c) => c.href)).toEqual(['../articles/interview.html']);
  });
  it('links groups to their members and back', () => {
    const group = model.actors.find((a) => a.members.length > 0)!;
    const member = actorView(model, group.members[0]!);
    expect(actorView(model, group.id).members[0]!.href).toBe(`${group.members[0]}.html`);
    expect(member.memberOf.map((l) => l.text)).toContain(group.name);
  });
  it('lists the statement points and the events an actor bears on', () => {
    const zelensky = actorView(model, 'zelensky');
    expect(zelensky.events.length).toBe(model.eventsByActor.get('zelensky')!.length);
    expect(zelensky.events[0]!.href).toMatch(/^\.\.\/timeline/);
    expect(zelensky.glossaryHref).toBe('../actors.html');
  });
});

describe('homeView', () => {
  const home = homeView(model);
  it('lists the documents in reading order with links from the home page', () => {
    expect(home.documents.map((d) => d.href)).toEqual(model.documents.map((d) => `articles/${d.id}.html`));
    expect(home.documents[0]!.kindLabel).toBe('解説');
  });
  it('charts the talks month and the one before it, and lists the key events', () => {
    expect(home.chart?.events).toBeGreaterThan(0);
    expect(home.keyEvents.length).toBe(model.events.filter((e) => e.key).length);
    expect(home.keyEvents[0]!.href).toMatch(/^timeline(\/\d{4}-\d{2})?\.html#/);
  });
  it('names the featured actors with their role', () => {
    expect(home.featured.map((a) => a.href)).toEqual(model.story.featuredActors.map((id) => `actors/${id}.html`));
    expect(home.more).toEqual({ tracker: 'tracker.html', timeline: 'timeline.html', glossary: 'actors.html' });
  });
});

describe('timelineView', () => {
  const view = timelineView(model);
  it('describes the months it covers, and charts at most the four months before the talks', () => {
    expect(view.description).toMatch(/^\d{4}年\d+月から\d{4}年\d+月までの\d+件の出来事を/);
    expect(view.main.every((e) => e.relation !== 'aftermath')).toBe(true);
    expect(view.chart?.events).toBeGreaterThan(0);
    expect(view.chartNote.startsWith('四角は背景、')).toBe(true);
    expect(view.chartNote).not.toMatch(/\s/);
  });
});
