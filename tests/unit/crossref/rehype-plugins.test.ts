// The unified plugins, input → exact output.
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkParagraphIds } from '../../../src/lib/crossref/remark-paragraph-ids.ts';
import { rehypeActorMentions } from '../../../src/lib/crossref/rehype-actor-mentions.ts';
import { rehypeParagraphControls } from '../../../src/lib/crossref/rehype-paragraph-controls.ts';
import { createMatcher } from '../../../src/lib/crossref/mentions.ts';
import { renderParagraphs } from '../../../src/lib/crossref/render-paragraphs.ts';

const match = createMatcher([
  { form: 'トランプ氏', actors: ['trump'], origin: 't' },
  { form: '米国', actors: ['usa'], origin: 't' },
  { form: '両国', actors: ['usa', 'ukraine'], origin: 't' },
]);
const mentionOptions = {
  match,
  hrefFor: (id: string) => `../actors/${id}.html`,
  cardIdFor: (id: string) => (id === 'trump' ? `card-${id}` : undefined),
};

function run(markdown: string, plugins: Array<(tree: any) => void>): string {
  const processor = unified().use(remarkParse).use(remarkParagraphIds).use(remarkRehype);
  for (const plugin of plugins) processor.use(() => plugin);
  processor.use(rehypeStringify);
  return String(processor.processSync(markdown));
}

describe('rehypeActorMentions', () => {
  const mentions = rehypeActorMentions(mentionOptions);
  it('links the first mention of each actor to its page and, by interest, to its card; marks later ones and joint forms', () => {
    expect(run('トランプ氏と米国。\n\n両国とトランプ氏。\n', [mentions])).toBe(
      '<p id="p1"><a class="mention" href="../actors/trump.html" data-actor="trump" interestfor="card-trump">トランプ氏</a>' +
        'と<a class="mention" href="../actors/usa.html" data-actor="usa">米国</a>。</p>\n' +
        '<p id="p2"><span class="mention" data-actors="usa ukraine">両国</span>と<span class="mention" data-actor="trump">トランプ氏</span>。</p>',
    );
  });
  it('puts no control between the words: punctuation follows the name as written', () => {
    expect(run('トランプ氏、米国。\n', [rehypeActorMentions(mentionOptions)])).toBe(
      '<p id="p1"><a class="mention" href="../actors/trump.html" data-actor="trump" interestfor="card-trump">トランプ氏</a>、' +
        '<a class="mention" href="../actors/usa.html" data-actor="usa">米国</a>。</p>',
    );
  });
  it('leaves text inside links and code alone', () => {
    expect(run('[米国の記事](https://example.org)と`米国`。\n', [mentions])).toBe(
      '<p id="p1"><a href="https://example.org">米国の記事</a>と<code>米国</code>。</p>',
    );
  });
  it('is idempotent', () => {
    const once = run('トランプ氏と米国、米国。\n', [mentions]);
    expect(run('トランプ氏と米国、米国。\n', [mentions, rehypeActorMentions(mentionOptions)])).toBe(once);
  });
});

describe('rehypeParagraphControls', () => {
  const controls = rehypeParagraphControls({
    markersFor: (id) => (id === 'p2' ? [{ href: '../timeline.html#talks', text: '3月11日', label: '時系列: 協議' }] : []),
  });
  it('adds date markers and a permalink to numbered paragraphs, without adding text', () => {
    expect(run('一。\n\n二。\n', [controls])).toBe(
      '<p id="p1">一。<a class="permalink" href="#p1" aria-label="第1段落へのリンク"></a></p>\n' +
        '<p id="p2">二。<a class="cite-marker" href="../timeline.html#talks" aria-label="時系列: 協議" data-label="3月11日"></a>' +
        '<a class="permalink" href="#p2" aria-label="第2段落へのリンク"></a></p>',
    );
  });
  it('is idempotent', () => {
    expect(run('一。\n', [controls, rehypeParagraphControls()])).toBe(run('一。\n', [controls]));
  });
});

describe('renderParagraphs', () => {
  it('gives the inner HTML of each numbered paragraph, mentions linked once per document', () => {
    const html = renderParagraphs('米国は。\n\n米国も。\n', { ...mentionOptions, permalinkLabel: (n) => `段落${n}` });
    expect([...html]).toEqual([
      ['p1', '<a class="mention" href="../actors/usa.html" data-actor="usa">米国</a>は。<a class="permalink" href="#p1" aria-label="段落1"></a>'],
      ['p2', '<span class="mention" data-actor="usa">米国</span>も。<a class="permalink" href="#p2" aria-label="段落2"></a>'],
    ]);
  });
});
