// The story's part of the one Markdown pipeline (astro.config.mjs registers these plugins on the
// unified processor that MDX inherits). Every document body is rendered once, while the content
// loads (src/render-body.ts, through that processor); these plugins give its numbered paragraphs
// what the rest of the story knows about them: ids, actor mentions linked to the glossary,
// readings (furigana), date markers back to the timeline and a permalink.
//
// A plugin sees one file at a time, so it finds the document from the file's path
// (<content folder>/documents/<id>.mdx) and reads what it needs from the same content folder,
// with the build's own readers: the same files, schemas and messages as the collections.
import type { Element, Root, RootContent } from 'hast';
import type {} from 'mdast-util-mdx'; // the MDX nodes of hast (mdxJsxFlowElement)
import type { VFile } from 'vfile';
import type { z } from 'astro/zod';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesStamp } from './cache-files.ts';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { readList } from './loaders.ts';
import { bodyInputSources, documentsFolder, listSources } from './story-sources.ts';
import { contentFiles } from './lib/content/content-files.ts';
import { placeEvents, sortEvents } from './lib/content/story.ts';
import { createMatcher, mentionRules, type Matcher } from './lib/crossref/mentions.ts';
import { remarkParagraphIds } from './lib/crossref/remark-paragraph-ids.ts';
import { rehypeActorMentions } from './lib/crossref/rehype-actor-mentions.ts';
import { rehypeParagraphControls } from './lib/crossref/rehype-paragraph-controls.ts';
import { rehypeFurigana } from './lib/furigana/rehype-furigana.ts';
import { actorNames, createAnnotator, readingsOf, type Annotator } from './lib/furigana/annotate.ts';
import { dateMarkers, markedEvent, type MarkedEvent } from './lib/view/paragraph-markers.ts';
import { permalinkLabel } from './lib/view/labels.ts';
import { isQuestion } from './lib/view/phrases.ts';
import { relativeHref, routes } from './lib/view/urls.ts';

/** What the plugins need from a content folder. */
interface StoryText {
  match: Matcher;
  eventsByParagraph: Map<string, MarkedEvent[]>;
  annotator: Annotator;
}

/**
 * What the plugins take from a content folder, as data: the rules of the mentions, the names and
 * the glossary the readings start from, and the events each paragraph is cited by. The plugins get
 * exactly this (readStoryText), and a document's compile is keyed by it (storyInputsOf).
 */
function storyTextInputs(dir: string) {
  const read = <S extends z.ZodType>(source: { file: string; schema: S; optional: boolean }) => readList(dir, source);
  const actors = read(listSources.actors);
  const events = read(listSources.events);
  const aftermath = read(listSources.aftermath);
  // Only what a date marker shows (markedEvent): a correction to an event's description, actors or
  // sources compiles no body again.
  const eventsByParagraph = new Map<string, MarkedEvent[]>();
  for (const event of placeEvents(sortEvents([...events, ...aftermath]))) {
    for (const ref of event.paragraphs) eventsByParagraph.set(ref, [...(eventsByParagraph.get(ref) ?? []), markedEvent(event)]);
  }
  return {
    rules: mentionRules(actors, read(listSources.mentions), contentFiles),
    // Readings: the editorial glossary first, then the actors' names, then the tokenizer.
    names: actorNames(actors),
    glossary: read(listSources.readings),
    eventsByParagraph,
  };
}

const filesOf = (dir: string) => bodyInputSources.map(({ file }) => join(dir, file));
const mtimes = (dir: string) =>
  filesOf(dir)
    .map((path) => statSync(path, { throwIfNoEntry: false }))
    .map((stats) => (stats ? `${stats.mtimeMs}:${stats.size}` : '-'))
    .join(',');

/** `make` of a content folder, made once per build; made again (in `astro dev`) when one of its files changes. */
function perStamp<T>(make: (dir: string) => T): (dir: string) => T {
  const made = new Map<string, { stamp: string; value: T }>();
  return (dir) => {
    const stamp = mtimes(dir);
    const hit = made.get(dir);
    if (hit?.stamp === stamp) return hit.value;
    const value = make(dir);
    made.set(dir, { stamp, value });
    return value;
  };
}

/** storyTextInputs as the files are now: read once for the plugins and the compile cache's key. */
const currentInputs = perStamp(storyTextInputs);

const storyText = perStamp(async (dir: string): Promise<StoryText> => {
  const { rules, names, glossary, eventsByParagraph } = currentInputs(dir);
  return { match: createMatcher(rules), eventsByParagraph, annotator: await createAnnotator({ names, glossary }) };
});

/**
 * Reads ahead what the plugins need to compile the document at `path` (its story's files, the
 * tokenizer of the readings): the worker thread of src/render-body.ts, while the content is checked.
 */
export async function prepareStoryText(path: string): Promise<void> {
  const doc = documentOf(path);
  if (doc) await storyText(doc.dir);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

// What the plugins take from a content folder, for the compile cache: a hash of the part every
// document shares, and per document a hash of the events its paragraphs are cited by.
const storyInputs = perStamp((dir: string): { shared: string; events: Map<string, string> } => {
  try {
    const { eventsByParagraph, ...shared } = currentInputs(dir);
    const byDocument = new Map<string, Array<[string, MarkedEvent[]]>>();
    for (const [ref, events] of eventsByParagraph) {
      const id = ref.split('#')[0]!;
      byDocument.set(id, [...(byDocument.get(id) ?? []), [ref, events]]);
    }
    return { shared: sha(JSON.stringify(shared)), events: new Map([...byDocument].map(([id, refs]) => [id, sha(JSON.stringify(refs))])) };
  } catch {
    // Files the collections will reject: keyed by their bytes, so the compile (and its message) happens.
    const hash = createHash('sha256');
    for (const file of filesOf(dir)) hash.update(existsSync(file) ? readFileSync(file) : '-').update('\0');
    return { shared: hash.digest('hex'), events: new Map() };
  }
});

/**
 * What the plugins take from the story for a file besides its text ('' for a file that is not a
 * document): the mention rules, the names and readings every body shares, and the events citing
 * this document's paragraphs, as their date markers show them. So an actor's description, an event's
 * description, or an event citing only another document, compiles no body again; a new surface
 * form, a reading, or an event's title or date, compiles those it reaches.
 */
export function storyInputsOf(path: string): string {
  const doc = documentOf(path);
  if (!doc) return '';
  const { shared, events } = storyInputs(doc.dir);
  return sha(`${shared}:${events.get(doc.id) ?? ''}`);
}

// What the plugins said of each file while compiling it (the compile cache repeats it on a hit).
const notices = new Map<string, string[]>();

/** The messages given for a file by its last compile (kept: two build passes may compile it). */
export function takeNotices(path: string): string[] {
  return notices.get(path) ?? [];
}

/** The code and libraries that compile a body: the project's sources, its config and lockfile. */
export async function compilerVersion(): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const sourceFiles = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    // Code and the data it reads (src/lib/furigana/kanji-grades.json): everything but the templates.
    .filter((name) => /\.(ts|mjs|js|json)$/.test(name))
    .map((name) => join(root, 'src', name));
  // The lockfile, and npm's record of what is installed (they differ after an install by hand).
  const locks = [join(root, 'package-lock.json'), join(root, 'node_modules', '.package-lock.json')];
  const stamp = await filesStamp([...sourceFiles, join(root, 'astro.config.mjs'), ...locks]);
  // Astro's MDX pipeline drops some of its own plugins when this is set.
  return `${stamp}:${process.versions.node}:${process.env['ASTRO_PERFORMANCE_BENCHMARK'] ?? ''}`;
}

/** The document a file is, or undefined for an MDX file that is not a document (content/pages). */
function documentOf(path: string | undefined): { dir: string; id: string } | undefined {
  if (!path || !path.endsWith('.mdx') || basename(dirname(path)) !== documentsFolder) return undefined;
  return { dir: dirname(dirname(path)), id: basename(path, '.mdx') };
}

const numbered = (tree: Root): Element[] =>
  tree.children.filter((n): n is Element => n.type === 'element' && n.tagName === 'p' && /^p[1-9][0-9]*$/.test(String(n.properties['id'])));

/** The plugins of a document body, in order; other MDX files get the paragraph ids only. */
export function rehypeStoryText() {
  return async (tree: Root, file: VFile): Promise<void> => {
    const doc = documentOf(file.path);
    if (!doc) return;
    const { match, eventsByParagraph, annotator } = await storyText(doc.dir);
    const page = routes.document(doc.id);
    const paragraphs = numbered(tree);
    const texts = paragraphs.map((p) => toString(p));
    // Questions of an interview are set apart (before the readings and controls change the text).
    paragraphs.forEach((p, i) => {
      if (isQuestion(texts[i]!)) p.properties['className'] = ['question'];
    });
    // The plugins work on the numbered paragraphs only (the text the model counts, cites and
    // searches); headings, lists and quotes stay as MDX renders them. They change the paragraphs
    // in place.
    const body: Root = { type: 'root', children: paragraphs };
    rehypeActorMentions({ match, hrefFor: (id) => relativeHref(page, routes.actor(id)), cardIdFor: (id) => `card-${id}` })(body);
    // Readings go on the words after the mentions are found (the matcher sees the plain text) and
    // before the controls, whose labels are not text of the article.
    // The proper nouns only the tokenizer read are gathered while the readings are set (one pass).
    const found = new Set<string>();
    rehypeFurigana({ annotator: { ...annotator, annotate: (text) => annotator.annotate(text, found) } })(body);
    rehypeParagraphControls({
      permalinkLabel,
      markersFor: (pid) => dateMarkers(eventsByParagraph.get(`${doc.id}#${pid}`) ?? [], page),
    })(body);
    // Proper nouns whose reading only the tokenizer gave: an editor should check them (readings.yaml).
    const said = readingsOf(annotator, found).map(
      (noun) => `[furigana] ${doc.id}: check the reading of ${noun.word} (${noun.reading}): add it to readings.yaml if it is wrong`,
    );
    for (const notice of said) console.warn(notice);
    if (file.path) notices.set(file.path, said);
  };
}

/**
 * The last of the story's plugins: a document's finished paragraphs replaced by the node they
 * become anyway, since MDX's optimizer (mdxOptions.optimize) turns the static HTML of a body into
 * Fragments with set:html. Astro's plugins after this one (headings, scripts and styles,
 * components, the optimizer) each walk the whole tree, and with readings on every word a body is
 * about 2,000 nodes; now a paragraph is one. A paragraph holding anything those plugins change (an
 * image, a script, MDX) is left to them. A plugin of its own, so that a test can run the story's
 * plugins twice on the paragraphs themselves.
 */
export function rehypeParagraphsAsHtml() {
  return (tree: Root, file: VFile): void => {
    if (mdxOptions.optimize !== true || !documentOf(file.path)) return;
    handOnAsHtml(tree, numbered(tree));
  };
}

function handOnAsHtml(tree: Root, paragraphs: readonly Element[]): void {
  const finished = new Set<RootContent>(paragraphs.filter(isPlainHtml));
  const made = new Set<RootContent>();
  tree.children = tree.children.map((node) => {
    if (!finished.has(node)) return node;
    const html = asHtml(node as Element);
    made.add(html);
    return html;
  });
  // The optimizer serialises a run of static nodes only when the run has more than one node, and
  // block nodes are separated by newlines, except after the last. So an element that ends the body
  // right after a paragraph handed on here (a rule, the footnotes), which was in the run of that
  // paragraph, would be a run of one, and Astro's JSX would write it otherwise (<hr/>,
  // data-footnotes without its ""). An empty text keeps it in a run of two. (An element that was
  // alone before, after MDX, stays alone.)
  const last = tree.children.at(-1);
  const before = tree.children.slice(0, -1).findLast((node) => node.type !== 'text');
  if (last && before && made.has(before) && isStaticElement(last)) tree.children.push({ type: 'text', value: '' });
}

/** An element the optimizer counts as static: HTML, or JSX it turns into HTML (lower case, no attributes). */
const isStaticElement = (node: RootContent): boolean =>
  node.type === 'element' ||
  (node.type === 'mdxJsxFlowElement' && node.attributes.length === 0 && !!node.name && node.name === node.name.toLowerCase());

/** Whether `el` holds only elements and text, and no image, script or style (which Astro's plugins change). */
function isPlainHtml(el: Element): boolean {
  return el.children.every(
    (child) =>
      child.type === 'text' || (child.type === 'element' && !['img', 'script', 'style'].includes(child.tagName) && isPlainHtml(child)),
  );
}

/** `el` as MDX's optimizer makes static HTML: a Fragment whose set:html is the element's HTML. */
const asHtml = (el: Element): RootContent => ({
  type: 'mdxJsxFlowElement',
  name: 'Fragment',
  attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: toHtml(el) }],
  children: [],
});

// optimize: MDX turns the static parts of each body (all of it, here) into HTML strings rather than
// one JSX call per element — with readings on every word, a quarter of the compile's memory and
// time at 1,000 documents (tests/bench/README.md). The MDX integration and the documents' loader
// (src/render-body.ts) both take these options.
export const mdxOptions = { optimize: true };

/** The remark and rehype plugins of the site, for astro.config.mjs. */
export const remarkPlugins = [remarkParagraphIds];
export const rehypePlugins = [rehypeStoryText, rehypeParagraphsAsHtml];
