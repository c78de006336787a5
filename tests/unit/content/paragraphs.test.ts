// Paragraph numbering and text as the model reads them (the rendered ids: crossref/plugins.test.ts).
import { describe, expect, it } from 'vitest';
import { parseParagraphs, readParagraphs } from '../../../src/lib/content/paragraphs.ts';

describe('parseParagraphs', () => {
  it('numbers paragraphs exactly as the plugin does and keeps their text', () => {
    expect(parseParagraphs('第一段落。\n\n## 見出し\n\n第二段落。\n')).toEqual([
      { id: 'p1', n: 1, text: '第一段落。' },
      { id: 'p2', n: 2, text: '第二段落。' },
    ]);
  });
  it('reads MDX inside a paragraph as MDX renders it: elements by their text, string expressions by their value', () => {
    expect(parseParagraphs("米国は<abbr>NATO</abbr>と{'3~5'}日。\n").map((p) => p.text)).toEqual(['米国はNATOと3~5日。']);
  });
  it('stops at an expression whose text cannot be known without running it, naming the line in the .mdx file', () => {
    expect(() => readParagraphs('一。\n\n期間は{1 + 2}日。\n', 'documents/x.mdx', 6)).toThrow(
      "documents/x.mdx:8:4: the expression {1 + 2} cannot be read as text — in a paragraph, write the text itself, or a string in quotes ({'3~5'}), so that search, excerpts and citations read what the page shows",
    );
  });
  it('refuses imports, exports and images, which a body rendered on its own could not load, naming the line', () => {
    expect(() => readParagraphs('一。\n\nimport X from "./x.astro";\n', 'documents/x.mdx', 6)).toThrow(
      'documents/x.mdx:8:1: imports and exports are not supported in a body',
    );
    expect(() => readParagraphs('一。\n\nexport const a = 1;\n', 'documents/x.mdx', 6)).toThrow('documents/x.mdx:8:1: imports and exports');
    expect(() => readParagraphs('一。\n\n図は![地図](./map.png)のとおり。\n', 'documents/x.mdx', 6)).toThrow(
      'documents/x.mdx:8:3: images are not supported in a body',
    );
  });
});
