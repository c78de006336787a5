// Paragraph numbering, shared by the remark plugin that puts ids into the HTML and by the
// build-time index that resolves citations, so both always agree.
//
// A paragraph is a top-level Markdown paragraph of a document body (not one inside a list,
// a quote or a component). The n-th one gets the id "p<n>"; a citation elsewhere in the content
// names it "<document id>#p<n>" — the same string as the fragment of its URL.
import type { Root, Paragraph, PhrasingContent } from 'mdast';
import type { Node } from 'unist';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { gfm } from 'micromark-extension-gfm';
import { ContentError } from './references.ts';

/** The top-level paragraphs of a Markdown tree, in order. */
export function topLevelParagraphs(tree: Root): Paragraph[] {
  return tree.children.filter((node): node is Paragraph => node.type === 'paragraph');
}

/** The id of the n-th paragraph (1-based). */
export function paragraphId(n: number): string {
  return `p${n}`;
}

export interface SourceParagraph {
  /** "p1", "p2", … */
  id: string;
  /** 1-based position. */
  n: number;
  /** Plain text of the paragraph. */
  text: string;
}

/**
 * Reads the text only: the page is rendered by the one pipeline of astro.config.mjs, which parses
 * the same syntax (MDX, and GFM without single-tilde strikethrough, so 「3~5日」 stays as written).
 */
const parse = (body: string): Root =>
  fromMarkdown(body, {
    extensions: [mdxjs(), gfm({ singleTilde: false })],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
  });

/** Thrown for an expression whose text cannot be known without running it. */
class ExpressionError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(expression: string, line: number, column: number) {
    super(`the expression {${expression}} cannot be read as text`);
    this.line = line;
    this.column = column;
  }
}

/**
 * The text of a paragraph as MDX renders it: JSX elements (<abbr>NATO</abbr>) by their content,
 * and an expression that is a string literal ({'3~5'}) by its value. Any other expression would
 * need running to know its text (for search, excerpts and citations), so it stops the build.
 */
function textOf(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      if (node.type === 'mdxTextExpression') {
        const [statement] = node.data?.estree?.body ?? [];
        const value = statement?.type === 'ExpressionStatement' && statement.expression.type === 'Literal' ? statement.expression.value : undefined;
        if (typeof value === 'string') return value;
        throw new ExpressionError(node.value, node.position?.start.line ?? 1, node.position?.start.column ?? 1);
      }
      if ('children' in node) return textOf(node.children as PhrasingContent[]);
      return 'value' in node ? node.value : '';
    })
    .join('');
}

/** Thrown for what a body may not hold: it is rendered on its own, without the build's bundler. */
class UnsupportedError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(what: string, line: number, column: number) {
    super(what);
    this.line = line;
    this.column = column;
  }
}

/**
 * Refuses imports and exports, and images: a body is rendered to HTML while the content loads
 * (src/render-body.ts), with Astro's runtime only, so nothing it would import could be found.
 */
function checkSupported(tree: Root): void {
  const at = (node: Node) => [node.position?.start.line ?? 1, node.position?.start.column ?? 1] as const;
  for (const node of tree.children) {
    if (node.type === 'mdxjsEsm') throw new UnsupportedError('imports and exports are not supported in a body', ...at(node));
  }
  const find = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (node.type === 'image' || node.type === 'imageReference')
        throw new UnsupportedError('images are not supported in a body (a figure of the site is drawn from the content instead)', ...at(node));
      if ('children' in node && Array.isArray(node.children)) find(node.children as Node[]);
    }
  };
  find(tree.children);
}

/** The paragraphs of an MDX body (without frontmatter), numbered as the rendered page numbers them. */
export function parseParagraphs(body: string): SourceParagraph[] {
  const tree = parse(body);
  checkSupported(tree);
  return topLevelParagraphs(tree).map((node, i) => ({
    id: paragraphId(i + 1),
    n: i + 1,
    text: textOf(node.children),
  }));
}

/**
 * The paragraphs of a document's body; an MDX syntax error stops the build naming the file, the
 * line (counted in the .mdx file, frontmatter included) and the column.
 */
export function readParagraphs(body: string, file: string, bodyStartLine = 1): SourceParagraph[] {
  try {
    return parseParagraphs(body);
  } catch (error) {
    if (error instanceof UnsupportedError) throw new ContentError(`${file}:${error.line + bodyStartLine - 1}:${error.column}: ${error.message}`);
    if (error instanceof ExpressionError) {
      throw new ContentError(
        `${file}:${error.line + bodyStartLine - 1}:${error.column}: ${error.message} — in a paragraph, write the text itself, or a string in quotes ({'3~5'}), so that search, excerpts and citations read what the page shows`,
      );
    }
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    const line = (e.line ?? 1) + bodyStartLine - 1;
    throw new ContentError(`${file}:${line}:${e.column ?? 1}: MDX syntax error — ${e.reason ?? e.message}`);
  }
}
