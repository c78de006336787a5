// remark plugin: gives every top-level paragraph a stable id ("p1", "p2", …) so that it can be
// linked to and cited. An id the author already set is kept, so running it twice changes nothing.
import type { Root } from 'mdast';
// For the type of data.hProperties, which mdast-util-to-hast (the mdast → hast step) reads.
import type {} from 'mdast-util-to-hast';
import { topLevelParagraphs, paragraphId } from '../content/paragraphs.ts';

export function remarkParagraphIds() {
  return (tree: Root): void => {
    topLevelParagraphs(tree).forEach((node, i) => {
      const data = (node.data ??= {});
      const props = (data.hProperties ??= {});
      props['id'] ??= paragraphId(i + 1);
    });
  };
}
