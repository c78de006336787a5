// rehype plugin: gives each numbered paragraph (<p id="pN">) its controls — a date marker for each
// timeline event that cites it, and a permalink to itself. The controls carry their visible text
// in a data attribute shown by CSS and their name in aria-label, so the paragraph's own text
// (copying, search, find-in-page) stays exactly the article's. Paragraphs that already have a
// permalink are left alone, so running it twice changes nothing.
import type { Root, Element } from 'hast';

export interface ParagraphMarker {
  href: string;
  /** Short visible text, e.g. "3月11日". */
  text: string;
  /** Accessible name, e.g. "時系列、2025年3月11日、ジッダで米ウクライナ高官協議". */
  label: string;
}

export interface ParagraphControlsOptions {
  /** Markers for the paragraph with this id. */
  markersFor?: (id: string) => readonly ParagraphMarker[];
  /** Accessible name of the permalink (Japanese UI text). */
  permalinkLabel?: (n: number) => string;
}

const PARAGRAPH_ID = /^p([1-9][0-9]*)$/;

function hasPermalink(p: Element): boolean {
  return p.children.some(
    (c) => c.type === 'element' && Array.isArray(c.properties['className']) && c.properties['className'].includes('permalink'),
  );
}

export function rehypeParagraphControls(options: ParagraphControlsOptions = {}) {
  const { markersFor = () => [], permalinkLabel = (n: number) => `第${n}段落へのリンク` } = options;
  return (tree: Root): void => {
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const id = String(node.properties['id'] ?? '');
      const m = PARAGRAPH_ID.exec(id);
      if (!m || hasPermalink(node)) continue;
      for (const marker of markersFor(id)) {
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: { className: ['cite-marker'], href: marker.href, ariaLabel: marker.label, dataLabel: marker.text },
          children: [],
        });
      }
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['permalink'], href: `#${id}`, ariaLabel: permalinkLabel(Number(m[1])) },
        children: [],
      });
    }
  };
}
