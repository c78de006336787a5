// The HTML of each numbered paragraph of a document, with actor mentions and paragraph controls.
// Pages render the MDX body with Astro and put these in place of its top-level paragraphs
// (components/Paragraph.astro), so the paragraphs get data from the whole story while the MDX
// itself stays plain text.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { remarkParagraphIds } from './remark-paragraph-ids.ts';
import { rehypeActorMentions, type ActorMentionsOptions } from './rehype-actor-mentions.ts';
import { rehypeParagraphControls, type ParagraphControlsOptions } from './rehype-paragraph-controls.ts';
import { rehypeFurigana } from '../furigana/rehype-furigana.ts';
import type { Annotator } from '../furigana/annotate.ts';

export type RenderParagraphsOptions = ActorMentionsOptions &
  ParagraphControlsOptions & {
    /** Readings for the text (furigana); none without. */
    annotator?: Annotator | undefined;
  };

/** Inner HTML of each top-level paragraph of an MDX body, by paragraph id ("p1", …). */
export function renderParagraphs(body: string, options: RenderParagraphsOptions): Map<string, string> {
  const { annotator } = options;
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm, { singleTilde: false })
    .use(remarkParagraphIds)
    .use(remarkRehype)
    .use(rehypeActorMentions, options)
    // Readings go on the words after the mentions are found (the matcher sees the plain text) and
    // before the controls, whose labels are not text of the article.
    .use(annotator ? [[rehypeFurigana, { annotator }]] : [])
    .use(rehypeParagraphControls, options);
  const tree = processor.runSync(processor.parse(body)) as Root;
  const html = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'p' && typeof node.properties['id'] === 'string') {
      html.set(node.properties['id'], toHtml(node.children));
    }
  }
  return html;
}
