// rehype plugin: marks actor mentions in the text, found by one matcher (src/lib/crossref/mentions.ts).
// The first mention of each actor in a tree becomes a link to the actor's page that also opens the
// actor's card (an HTML popover rendered elsewhere on the page with the id `cardIdFor(actor)`) on
// hover, focus or long-press, through the `interestfor` attribute (interest invokers, Chromium 142
// and later); where a browser lacks it, the link simply leads to the actor's page. No control
// stands between the words, so a screen reader hears the sentence as written. Later mentions, and
// forms naming several actors, become <span>s carrying the actor ids, so they can be counted and
// styled without cluttering the text with links.
// Text inside links, code and existing mentions is left alone, so running it twice changes nothing.
import type { Root, Element, ElementContent, Text } from 'hast';
import type { Matcher } from './mentions.ts';

export interface ActorMentionsOptions {
  match: Matcher;
  /** href of an actor's page, relative to the page the text is on. */
  hrefFor: (actorId: string) => string;
  /** id of the actor's popover card on the page, or undefined for none. */
  cardIdFor?: (actorId: string) => string | undefined;
}

const SKIP = new Set(['a', 'code', 'pre', 'script', 'style', 'button', 'rt', 'rp']);

function isMention(node: Element): boolean {
  const cls = node.properties['className'];
  return Array.isArray(cls) && cls.includes('mention');
}

function text(value: string): Text {
  return { type: 'text', value };
}

export function rehypeActorMentions(options: ActorMentionsOptions) {
  const { match, hrefFor, cardIdFor = () => undefined } = options;

  return (tree: Root): void => {
    // Actors already linked (a second run over the same tree links nobody again).
    const linked = new Set<string>();
    const collect = (node: Root | Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'a' && isMention(child)) linked.add(String(child.properties['dataActor']));
        collect(child);
      }
    };
    collect(tree);

    const rewrite = (node: Root | Element): void => {
      const out: Array<Root['children'][number]> = [];
      for (const child of node.children) {
        if (child.type === 'element') {
          if (!SKIP.has(child.tagName) && !isMention(child)) rewrite(child);
          out.push(child);
          continue;
        }
        if (child.type !== 'text') {
          out.push(child);
          continue;
        }
        let at = 0;
        for (const m of match(child.value)) {
          if (m.start > at) out.push(text(child.value.slice(at, m.start)));
          out.push(markup(m.form, m.actors));
          at = m.end;
        }
        if (at === 0) out.push(child);
        else if (at < child.value.length) out.push(text(child.value.slice(at)));
      }
      node.children = out as typeof node.children;
    };

    const markup = (form: string, actors: readonly string[]): ElementContent => {
      const [only] = actors;
      if (actors.length === 1 && only !== undefined && !linked.has(only)) {
        linked.add(only);
        const cardId = cardIdFor(only);
        return {
          type: 'element',
          tagName: 'a',
          // `interestfor` is written in lower case: hast would dash-case an unknown camelCase name.
          properties: { className: ['mention'], href: hrefFor(only), dataActor: only, ...(cardId ? { interestfor: cardId } : {}) },
          children: [text(form)],
        };
      }
      const span: Element = {
        type: 'element',
        tagName: 'span',
        properties:
          actors.length === 1 ? { className: ['mention'], dataActor: only } : { className: ['mention'], dataActors: actors.join(' ') },
        children: [text(form)],
      };
      return span;
    };

    rewrite(tree);
  };
}
