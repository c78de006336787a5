// The figures' geometry (src/lib/view/charts.ts): lanes from the story's sides, one mark per event in
// the lane of its first side, month ticks whose labels never overlap, the status tiles.
import { describe, expect, it } from 'vitest';
import { labelWidthEm, statusFigure, statusFigureSvg, timelineChart, shiftMonth } from '../../../src/lib/view/charts.ts';
import type { StoryEvent } from '../../../src/lib/content/schema.ts';

const event = (id: string, date: string, actors: string[], relation: StoryEvent['relation'] = 'aftermath') =>
  ({ id, dating: { date, precision: 'day' }, actors, relation, title: id }) as unknown as StoryEvent;
const sides = [
  { id: 'a', label: '甲国', actors: ['a1', 'a2'] },
  { id: 'b', label: '乙国と仲介国', actors: ['b1'] },
];

describe('timelineChart', () => {
  const chart = timelineChart({
    events: [
      event('one', '2025-03-11', ['b1', 'a2'], 'reported'),
      event('two', '2025-04-30', ['b1']),
      event('three', '2025-05-02', ['x']),
      event('old', '2024-01-01', ['a1']),
    ],
    sides,
    fromMonth: '2025-01',
    toMonth: '2025-06',
    hrefFor: (e) => `#${e.id}`,
    rules: [{ day: '2025-03-11', label: '協議' }],
  });
  it('puts each event of the range in the lane of every side taking part, and counts those no side claims', () => {
    expect(chart.marks.map((m) => [m.id, chart.lanes.findIndex((l) => l.y === m.y), m.relation, m.href])).toEqual([
      ['one', 0, 'reported', '#one'],
      ['one', 1, 'reported', '#one'],
      ['two', 1, 'aftermath', '#two'],
    ]);
    expect(chart.events).toBe(2);
    expect(chart.omitted).toBe(1);
    expect(chart.left).toBeGreaterThanOrEqual(labelWidthEm('乙国と仲介国') * 12);
  });
  it('places marks in time order inside the plot, and the rule of the talks at its day', () => {
    const [one, , two] = chart.marks;
    expect(one!.x).toBeLessThan(two!.x);
    expect(one!.x).toBeGreaterThan(chart.left);
    expect(two!.x).toBeLessThan(chart.width);
    expect(chart.rules).toEqual([{ x: one!.x, label: '協議' }]);
  });
  it('labels the first tick with its year, and never lets two labels overlap', () => {
    expect(chart.ticks.map((t) => t.label)).toEqual(['2025年1月', '2月', '3月', '4月', '5月', '6月']);
    const narrow = timelineChart({ events: [], sides, fromMonth: '2019-01', toMonth: '2025-12', hrefFor: () => '', width: 400 });
    const labelled = narrow.ticks.filter((t) => t.label);
    expect(labelled.length).toBeLessThan(narrow.ticks.length);
    labelled.forEach((t, i) => {
      const next = labelled[i + 1];
      if (next) expect(t.x + labelWidthEm(t.label!) * 12).toBeLessThanOrEqual(next.x);
    });
  });
  it('moves months across years', () => {
    expect(shiftMonth('2025-03', -3)).toBe('2024-12');
    expect(shiftMonth('2025-11', 2)).toBe('2026-01');
  });
});

describe('statusFigure', () => {
  it('draws one tile per point, in order, without overlap', () => {
    const figure = statusFigure([1, 2, 3].map((n) => ({ n, status: 'done' as const, href: '', title: '' })));
    expect(figure.tiles.map((t) => t.n)).toEqual([1, 2, 3]);
    expect(figure.tiles[1]!.x - figure.tiles[0]!.x).toBeGreaterThan(figure.tile);
    expect(figure.width).toBe(figure.tiles[2]!.x + figure.tile);
  });
});

describe('statusFigureSvg', () => {
  it('is a standalone image with a size, one tile per status in its colour', () => {
    const svg = statusFigureSvg(['done', 'not-done']);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(svg.match(/<g color=/g)).toHaveLength(2);
    expect(svg).toContain('color="#0b6b2e"');
  });
});
