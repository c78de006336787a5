// Modules the build gives the pages (src/integrations/).
declare module 'virtual:search-page' {
  /** What the search page says of the index, from the thread that wrote it; null in astro dev (search-index.ts). */
  const data: import('./lib/search/records.ts').SearchPageData | null;
  export default data;
}
