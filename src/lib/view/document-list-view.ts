// The list of every document, one page per LIST_PAGE_SIZE documents (documents.html,
// documents/2.html …), for a story with more documents than the home page shows.
import type { CrossReferencedStory } from '../crossref/cross-references.ts';
import type { Link } from './actor-view.ts';
import { kindLabel } from './labels.ts';
import { HOME_DOCUMENTS, LIST_PAGE_SIZE, pages } from './pagination.ts';
import { relativeHref, routes } from './urls.ts';

export interface DocumentListView {
  route: string;
  page: number;
  pageCount: number;
  total: number;
  /** The number of the first document on this page (for <ol start>). */
  firstNumber: number;
  documents: Array<Link & { kindLabel: string; description: string }>;
  /** Every page of the list, for the page navigation. */
  pageLinks: Array<Link & { current: boolean }>;
}

type Model = Pick<CrossReferencedStory, 'documents'>;

/** True when the story has more documents than the home page lists. */
export const hasDocumentList = (model: Model): boolean => model.documents.length > HOME_DOCUMENTS;

/** The page numbers of the list (none for a story whose documents all fit on the home page). */
export const documentListPages = (model: Model): number[] =>
  hasDocumentList(model) ? pages(model.documents, LIST_PAGE_SIZE).map((_, i) => i + 1) : [];

export function documentListView(model: Model, page: number): DocumentListView {
  const all = pages(model.documents, LIST_PAGE_SIZE);
  const route = routes.documentList(page);
  const href = (to: string) => relativeHref(route, to);
  return {
    route,
    page,
    pageCount: all.length,
    total: model.documents.length,
    firstNumber: (page - 1) * LIST_PAGE_SIZE + 1,
    documents: (all[page - 1] ?? []).map((d) => ({
      href: href(routes.document(d.id)),
      text: d.data.title,
      kindLabel: kindLabel[d.data.kind],
      description: d.data.description,
    })),
    pageLinks: all.map((_, i) => ({ href: href(routes.documentList(i + 1)), text: String(i + 1), current: i + 1 === page })),
  };
}

/** The documents a page lists in full (the first HOME_DOCUMENTS), and the route of the whole list when there are more. */
export function shownDocuments<T extends Model['documents'][number]>(
  documents: readonly T[],
): { shown: T[]; listRoute: string | undefined } {
  return {
    shown: documents.slice(0, HOME_DOCUMENTS),
    listRoute: documents.length > HOME_DOCUMENTS ? routes.documentList() : undefined,
  };
}
