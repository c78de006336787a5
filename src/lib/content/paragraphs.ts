// Paragraph numbering, shared by the remark plugin that puts ids into the HTML and by the
// build-time index that resolves citations, so both always agree.
//
// A paragraph is a top-level Markdown paragraph of a document body (not one inside a list,
// a quote or a component). The n-th one gets the id "p<n>"; a citation elsewhere in the content
// names it "<document id>#p<n>" — the same string as the fragment of its URL.
import type { Root, Paragraph } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
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

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm, { singleTilde: false });

/** The paragraphs of an MDX body (without frontmatter), numbered as the rendered page numbers them. */
export function parseParagraphs(body: string): SourceParagraph[] {
  const tree = parser.runSync(parser.parse(body)) as Root;
  return topLevelParagraphs(tree).map((node, i) => ({
    id: paragraphId(i + 1),
    n: i + 1,
    text: toString(node),
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
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    const line = (e.line ?? 1) + bodyStartLine - 1;
    throw new ContentError(`${file}:${line}:${e.column ?? 1}: MDX syntax error — ${e.reason ?? e.message}`);
  }
}
