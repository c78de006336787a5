// rehype plugin: marks actor mentions in the text, found by one matcher (src/lib/crossref/mentions.ts).
// The first mention of each actor in a tree becomes a link to the actor's page that also opens the
// actor's card (an HTML popover rendered elsewhere on the page with the id `cardIdFor(actor)`) on
// hover, focus or long-press, through the `interestfor` attribute (interest invokers, Chromium 142
// and later); where a browser lacks it, the link simply leads to the actor's page. No control
// stands between the words, so a screen reader hears the sentence as written. Later mentions, and
// forms naming several actors, become <span>s carrying the actor ids, so they can be counted and
// styled without cluttering the text with links.
// Text inside links, code and existing mentions is left alone, so running it twice changes nothing.
// Text inside MDX elements (<abbr>…</abbr>) is searched like any other.
import type { Element, Root } from 'hast';
import { findAndReplace } from 'hast-util-find-and-replace';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Matcher } from './mentions.ts';

export interface ActorMentionsOptions {
  match: Matcher;
  /** href of an actor's page, relative to the page the text is on. */
  hrefFor: (actorId: string) => string;
  /** id of the actor's popover card on the page, or undefined for none. */
  cardIdFor?: (actorId: string) => string | undefined;
}

const isMention = (node: Element): boolean => {
  const cls = node.properties['className'];
  return Array.isArray(cls) && cls.includes('mention');
};

export function rehypeActorMentions(options: ActorMentionsOptions) {
  const { match, hrefFor, cardIdFor = () => undefined } = options;

  return (tree: Root): void => {
    // Actors already linked (a second run over the same tree links nobody again).
    const linked = new Set<string>();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && isMention(node)) linked.add(String(node.properties['dataActor']));
    });

    const markup = (form: string) => {
      const actors = match.actorsOf(form);
      const [only] = actors;
      // A form that is not a mention (「ウクライナ大統領選」) stays as it is, and the search goes on
      // after it, so the name inside it is not found either.
      if (only === undefined) return form;
      if (actors.length === 1 && !linked.has(only)) {
        linked.add(only);
        const cardId = cardIdFor(only);
        // `interestfor` is written in lower case: hast would dash-case an unknown camelCase name.
        return h('a.mention', { href: hrefFor(only), dataActor: only, ...(cardId ? { interestfor: cardId } : {}) }, form);
      }
      return h('span.mention', actors.length === 1 ? { dataActor: only } : { dataActors: actors.join(' ') }, form);
    };

    findAndReplace(tree, [match.pattern, markup], {
      ignore: ['a', 'code', 'pre', 'script', 'style', 'button', 'rt', 'rp', isMention],
    });
  };
}
