// rehype plugin: furigana on the text of an element tree, from a pre-built annotator
// (src/lib/furigana/annotate.ts): each annotated word becomes
//   <ruby data-grade="N">base<rt>reading</rt></ruby>
// Code, pre, script, style, rt, rp and existing ruby are left alone (so running it twice changes
// nothing); text inside links and mention spans is annotated in place, keeping those elements.
//
// The tokenizer is built asynchronously once per build, before the plugin runs (src/markdown.ts):
//   const annotator = await createAnnotator({ names: actorNames(actors), glossary: readings });
//   rehypeFurigana({ annotator })(tree)
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type {} from 'mdast-util-mdx';
import type { Annotator, Segment } from './annotate.ts';

export interface FuriganaOptions {
  annotator: Annotator;
}

const SKIP = new Set(['code', 'pre', 'script', 'style', 'rt', 'rp', 'ruby', 'kbd', 'samp', 'textarea']);

const text = (value: string): Text => ({ type: 'text', value });

export function rubyElement(base: string, reading: string, grade: number): Element {
  return {
    type: 'element',
    tagName: 'ruby',
    properties: { dataGrade: String(grade) },
    // No <rp>: every browser the site supports renders ruby, and readings are never copied, so the
    // fallback parentheses would only weigh on every page.
    children: [text(base), { type: 'element', tagName: 'rt', properties: {}, children: [text(reading)] }],
  };
}

export function segmentsToHast(segments: readonly Segment[]): ElementContent[] {
  return segments.map((s) => ('text' in s ? text(s.text) : rubyElement(s.base, s.reading, s.grade)));
}

export function rehypeFurigana(options: FuriganaOptions) {
  const { annotator } = options;
  const rewrite = (node: Root | Element): void => {
    const out: RootContent[] = [];
    for (const child of node.children) {
      if (child.type === 'element') {
        if (!SKIP.has(child.tagName)) rewrite(child);
        out.push(child);
      } else if (child.type === 'mdxJsxTextElement') {
        // An element written in MDX (<abbr>…</abbr>): its text gets readings like any other.
        if (!SKIP.has(child.name ?? '')) rewrite(child as unknown as Element);
        out.push(child);
      } else if (child.type === 'text') {
        const segments = annotator.annotate(child.value);
        if (segments.every((s) => 'text' in s)) out.push(child);
        else out.push(...segmentsToHast(segments));
      } else out.push(child);
    }
    node.children = out as typeof node.children;
  };
  return (tree: Root): void => rewrite(tree);
}
