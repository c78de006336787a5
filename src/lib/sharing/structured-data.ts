// JSON-LD for each kind of page, typed with schema-dts. URLs are included only when absolute.
import type {
  AnalysisNewsArticle,
  Article,
  BreadcrumbList,
  Country,
  ItemList,
  NewsArticle,
  Organization,
  Person,
  Thing,
  WithContext,
} from 'schema-dts';
import type { Actor, StoryEvent } from '../content/schema.ts';
import { schemaDate } from './page-meta.ts';
import type { DatingLike } from '../content/dates.ts';

type Url = string | undefined;
const withUrl = (url: Url) => (url ? { url } : {});

/** An actor as a schema.org thing: Person, Country or Organization. */
export function actorThing(actor: Actor, url: Url): Exclude<Person | Country | Organization, string> {
  const common = {
    name: actor.name,
    alternateName: [...(actor.nameEn ? [actor.nameEn] : []), ...actor.variants],
    description: actor.description,
    ...withUrl(url),
  };
  if (actor.type === 'person') return { '@type': 'Person', ...common, jobTitle: actor.role };
  if (actor.type === 'state') return { '@type': 'Country', ...common };
  return { '@type': 'Organization', ...common };
}

/** An author or interviewer: a Person, or an Organization for anything else. */
function creditThing(actor: Actor, url: Url): Exclude<Person | Organization, string> {
  const common = { name: actor.name, ...(actor.nameEn ? { alternateName: actor.nameEn } : {}), ...withUrl(url) };
  return actor.type === 'person' ? { '@type': 'Person', ...common } : { '@type': 'Organization', ...common };
}

export interface ArticleInput {
  kind: 'analysis' | 'interview' | 'statement';
  headline: string;
  description: string;
  dating: DatingLike;
  url: Url;
  image: Url;
  section: string;
  about: Array<{ actor: Actor; url: Url }>;
  authors: Array<{ actor: Actor; url: Url }>;
}

/** A document: an AnalysisNewsArticle for the interview (expert analysis), a NewsArticle otherwise. */
export function articleLd(input: ArticleInput): WithContext<NewsArticle | AnalysisNewsArticle> {
  const body = {
    headline: input.headline,
    description: input.description,
    datePublished: schemaDate(input.dating),
    inLanguage: 'ja',
    articleSection: input.section,
    ...(input.image ? { image: [input.image] } : {}),
    ...(input.url ? { url: input.url, mainEntityOfPage: input.url } : {}),
    ...(input.authors.length ? { author: input.authors.map((a) => creditThing(a.actor, a.url)) } : {}),
    mentions: input.about.map((a) => actorThing(a.actor, a.url)),
  };
  return input.kind === 'interview'
    ? { '@context': 'https://schema.org', '@type': 'AnalysisNewsArticle', ...body }
    : { '@context': 'https://schema.org', '@type': 'NewsArticle', ...body };
}

/** A tracked point's page: an article of ours, last modified on the day its sources were checked. */
export function trackerPointLd(input: { headline: string; description: string; url: Url; dateModified: string }): WithContext<Article> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: input.headline,
    description: input.description,
    dateModified: input.dateModified,
    inLanguage: 'ja',
    ...(input.url ? { url: input.url, mainEntityOfPage: input.url } : {}),
  };
}

/** An actor's own page. */
export function actorLd(actor: Actor, url: Url): WithContext<Thing> {
  return { '@context': 'https://schema.org', ...actorThing(actor, url) } as WithContext<Thing>;
}

/** The timeline as an ordered list of events. */
export function timelineLd(name: string, events: ReadonlyArray<{ event: StoryEvent; url: Url }>): WithContext<ItemList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    numberOfItems: events.length,
    itemListElement: events.map(({ event, url }, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: `${event.dating.date} ${event.title}`,
      description: event.description,
      ...withUrl(url),
    })),
  };
}

/** A list of pages (home page cards, glossary). */
export function pageListLd(name: string, items: ReadonlyArray<{ name: string; url: Url }>): WithContext<ItemList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    numberOfItems: items.length,
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, ...withUrl(item.url) })),
  };
}

/** Where a page sits: home first, the page itself last. */
export function breadcrumbLd(trail: ReadonlyArray<{ name: string; url: Url }>): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      ...(crumb.url ? { item: crumb.url } : {}),
    })),
  };
}
