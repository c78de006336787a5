// The figures, drawn at build time as plain data for inline SVG (no client JavaScript): the
// statement's fate (one tile per point, its status as a shape) and the sequence of events (a lane
// per side, a mark per event whose shape shows its relation, month and year ticks). Colours are
// left to CSS (custom properties and currentColor), so themes, forced colours and print apply.
import type { StoryEvent, TrackerStatus, Story } from '../content/schema.ts';
import { datingSortKey } from '../content/dates.ts';

/** Width of a label in em, measured as the fonts draw it: ASCII digits and Latin at about half an em. */
export function labelWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\x20-\x7e]/.test(ch) ? 0.6 : 1;
  return em;
}

export interface StatusTile {
  n: number;
  status: TrackerStatus;
  x: number;
  href: string;
  title: string;
}

export interface StatusFigureModel {
  width: number;
  height: number;
  tiles: StatusTile[];
  tile: number;
}

/** One tile per point, in the order of the statement. */
export function statusFigure(points: ReadonlyArray<{ n: number; status: TrackerStatus; href: string; title: string }>): StatusFigureModel {
  const tile = 44;
  const gap = 8;
  return {
    width: points.length * (tile + gap) - gap,
    height: tile + 20,
    tile,
    tiles: points.map((p, i) => ({ ...p, x: i * (tile + gap) })),
  };
}

export interface ChartMark {
  id: string;
  x: number;
  y: number;
  relation: StoryEvent['relation'];
  href: string;
  title: string;
}

export interface ChartTick {
  x: number;
  label: string | undefined;
  year: boolean;
}

export interface TimelineChartModel {
  width: number;
  height: number;
  /** Left edge of the plot, after the lane labels. */
  left: number;
  lanes: Array<{ id: string; label: string; y: number }>;
  marks: ChartMark[];
  ticks: ChartTick[];
  /** Vertical rules: the talks, the article. */
  rules: Array<{ x: number; label: string }>;
  /** Events of the range that no side claims are left out of the chart (they stay in the list). */
  omitted: number;
  /** How many events the chart shows (an event of two sides has a mark in each lane). */
  events: number;
}

const time = (day: string) => Date.parse(`${day.length === 7 ? `${day}-15` : day}T00:00:00Z`);

/**
 * The chart of `events` between the first days of `fromMonth` and of the month after `toMonth`
 * ("YYYY-MM"). Month labels are placed only where they fit (measured in em at `fontPx`), so no two
 * labels overlap on a narrow range of long labels.
 */
export function timelineChart(input: {
  events: readonly StoryEvent[];
  sides: Story['sides'];
  fromMonth: string;
  toMonth: string;
  hrefFor: (event: StoryEvent) => string;
  rules?: Array<{ day: string; label: string }>;
  width?: number;
  fontPx?: number;
}): TimelineChartModel {
  const { sides, fromMonth, toMonth, hrefFor, width = 640, fontPx = 12 } = input;
  const laneHeight = 30;
  const left = Math.ceil(Math.max(4, ...sides.map((s) => labelWidthEm(s.label))) * fontPx) + 12;
  const top = 8;
  const [fy, fm] = fromMonth.split('-').map(Number) as [number, number];
  const [ty, tm] = toMonth.split('-').map(Number) as [number, number];
  const start = Date.UTC(fy, fm - 1, 1);
  const end = Date.UTC(ty, tm, 1);
  // Rounded to a tenth of a pixel: finer positions only weigh on the page.
  const x = (t: number) => Math.round((left + ((t - start) / (end - start)) * (width - left - 8)) * 10) / 10;
  const sideSets = sides.map((side) => new Set(side.actors));
  const lanes = sides.map((s, i) => ({ id: s.id, label: s.label, y: top + i * laneHeight + laneHeight / 2 }));
  const inRange = [...input.events]
    .filter((e) => time(e.dating.date) >= start && time(e.dating.date) < end)
    .sort((a, b) => datingSortKey(a.dating).localeCompare(datingSortKey(b.dating)));
  const marks: ChartMark[] = [];
  let omitted = 0;
  for (const e of inRange) {
    // A mark in every lane whose side takes part: talks between two sides show in both lanes.
    const inLanes = sideSets.flatMap((set, i) => (e.actors.some((a) => set.has(a)) ? [i] : []));
    if (inLanes.length === 0) omitted++;
    for (const lane of inLanes) {
      marks.push({ id: e.id, x: x(time(e.dating.date)), y: lanes[lane]!.y, relation: e.relation, href: hrefFor(e), title: e.title });
    }
  }
  const height = top + sides.length * laneHeight + 28;
  // One tick per month; its label only where the previous label has ended.
  const ticks: ChartTick[] = [];
  let freeFrom = -Infinity;
  for (let y = fy, m = fm; Date.UTC(y, m - 1, 1) < end; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const tx = x(Date.UTC(y, m - 1, 1));
    const year = m === 1 || ticks.length === 0;
    const label = year ? `${y}年${m}月` : `${m}月`;
    const w = labelWidthEm(label) * fontPx;
    const fits = tx >= freeFrom && tx + w <= width;
    ticks.push({ x: tx, label: fits ? label : undefined, year });
    if (fits) freeFrom = tx + w + fontPx / 2;
  }
  const rules = (input.rules ?? [])
    .filter((r) => time(r.day) >= start && time(r.day) < end)
    .map((r) => ({ x: x(time(r.day)), label: r.label }));
  return { width, height, left, lanes, marks, ticks, rules, omitted, events: new Set(marks.map((m) => m.id)).size };
}

/** Months ("YYYY-MM") from `month` moved by `delta`. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** The shape of a status as SVG markup in currentColor, inside a 24×24 box at (x, y). */
export function statusShapeMarkup(status: TrackerStatus, x: number, y: number): string {
  const cx = x + 12;
  const cy = y + 12;
  switch (status) {
    case 'done':
      return `<circle cx="${cx}" cy="${cy}" r="10" fill="currentColor"/>`;
    case 'partial':
      return `<circle cx="${cx}" cy="${cy}" r="9" fill="none" stroke="currentColor" stroke-width="2"/><path d="M${cx} ${cy - 9}a9 9 0 0 0 0 18z" fill="currentColor"/>`;
    case 'not-done':
      return `<circle cx="${cx}" cy="${cy}" r="9" fill="none" stroke="currentColor" stroke-width="3"/>`;
    case 'stalled':
      return `<path d="M${cx} ${cy - 10}L${cx + 10} ${cy + 8}H${cx - 10}z" fill="currentColor"/>`;
    case 'in-progress':
      return `<path d="M${cx - 8} ${cy - 10}L${cx + 10} ${cy}L${cx - 8} ${cy + 10}z" fill="currentColor"/>`;
    case 'not-rated':
      return `<path d="M${cx} ${cy - 10}L${cx + 10} ${cy}L${cx} ${cy + 10}L${cx - 10} ${cy}z" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>`;
  }
}

/** The light palette of the statuses, for a standalone image (the page uses CSS tokens). */
export const statusPalette: Record<TrackerStatus, string> = {
  done: '#0b6b2e',
  partial: '#6b4e00',
  'not-done': '#a3000b',
  stalled: '#00118f',
  'in-progress': '#00118f',
  'not-rated': '#4d4d4d',
};

/**
 * The statement's fate as a standalone SVG (explicit colours, no text: the numbers are drawn as
 * the tile order), for the preview image of the tracker overview.
 */
export function statusFigureSvg(statuses: readonly TrackerStatus[], scale = 2): string {
  const model = statusFigure(statuses.map((status, i) => ({ n: i + 1, status, href: '', title: '' })));
  const w = model.width * scale;
  const h = (model.tile - 4) * scale;
  const tiles = model.tiles
    .map((t) => {
      const color = statusPalette[t.status];
      return `<g color="${color}"><rect x="${t.x}" y="0" width="${model.tile}" height="${model.tile - 4}" rx="4" fill="none" stroke="${color}" stroke-width="1.5"/>${statusShapeMarkup(t.status, t.x + (model.tile - 24) / 2, (model.tile - 4 - 24) / 2)}</g>`;
    })
    .join('');
  // One unit of margin, so the tiles' strokes are not cut at the edges.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w + 2 * scale}" height="${h + 2 * scale}" viewBox="-1 -1 ${model.width + 2} ${model.tile - 2}">${tiles}</svg>`;
}
