// What every page shows of the story besides its own view: the frame of BaseLayout (the site's
// name and description in the title and the header, the navigation) and the page's corrections.
// The layout and the Corrections component read them through these functions, and the pages'
// cache keys (page-key.ts) hash the same, so the frame cannot change without the key.
import type { Correction, Story } from '../content/schema.ts';

export interface SiteFrame {
  story: Story;
  /** Whether the navigation offers the tracker. */
  tracker: boolean;
}

export function siteFrame(model: { story: Story; tracker: { points: readonly unknown[] } }): SiteFrame {
  return { story: model.story, tracker: model.tracker.points.length > 0 };
}

/** The corrections and updates of the page at `route`, in the story's order (newest first). */
export function correctionsFor(corrections: readonly Correction[], route: string): Correction[] {
  return corrections.filter((c) => c.page === route);
}

/** All a page shows of the story besides its view, for its cache key: the frame and its corrections. */
export function pageFrame(
  model: { story: Story; tracker: { points: readonly unknown[] }; corrections: readonly Correction[] },
  route: string,
): { site: SiteFrame; corrections: Correction[] } {
  return { site: siteFrame(model), corrections: correctionsFor(model.corrections, route) };
}
