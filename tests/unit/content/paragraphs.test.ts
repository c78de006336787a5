import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { parseParagraphs } from '../../../src/lib/content/paragraphs.ts';
import { remarkParagraphIds } from '../../../src/lib/crossref/remark-paragraph-ids.ts';

const toHtml = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm, { singleTilde: false })
      .use(remarkParagraphIds)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(markdown),
  );

describe('remarkParagraphIds', () => {
  it('numbers top-level paragraphs only', () => {
    const input = '第一段落。\n\n## 見出し\n\n第二段落。\n\n- 箇条書きの中\n\n> 引用の中\n\n第三段落。\n';
    expect(toHtml(input)).toBe(
      '<p id="p1">第一段落。</p>\n<h2>見出し</h2>\n<p id="p2">第二段落。</p>\n<ul>\n<li>箇条書きの中</li>\n</ul>\n<blockquote>\n<p>引用の中</p>\n</blockquote>\n<p id="p3">第三段落。</p>',
    );
  });
  it('keeps Japanese tildes and quotes as written', () => {
    expect(toHtml('期間は3~5日。「ボールはロシア側にある」\n')).toBe('<p id="p1">期間は3~5日。「ボールはロシア側にある」</p>');
  });
  it('is idempotent: running twice gives the same ids', () => {
    const twice = String(
      unified()
        .use(remarkParse)
        .use(remarkParagraphIds)
        .use(remarkParagraphIds)
        .use(remarkRehype)
        .use(rehypeStringify)
        .processSync('一。\n\n二。\n'),
    );
    expect(twice).toBe('<p id="p1">一。</p>\n<p id="p2">二。</p>');
  });
});

describe('parseParagraphs', () => {
  it('numbers paragraphs exactly as the plugin does and keeps their text', () => {
    expect(parseParagraphs('第一段落。\n\n## 見出し\n\n第二段落。\n')).toEqual([
      { id: 'p1', n: 1, text: '第一段落。' },
      { id: 'p2', n: 2, text: '第二段落。' },
    ]);
  });
});
