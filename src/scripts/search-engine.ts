// The search engine, bundled by src/integrations/search-index.ts into one classic script
// (search/engine.js) that the page's small script (src/scripts/search.ts) loads with the first
// query: no ES module and no fetch() at run time, since file:// allows neither. The index files
// are classic scripts too, loaded on demand with <script src> relative to the page, which the
// page's CSP allows as 'self'. Everything about matching and ranking is in
// src/lib/search/query.ts, shared with the unit tests.
import { normalise } from '../lib/search/normalise.ts';
import {
  neededShards,
  searchUpTo,
  chunksOf,
  excerpt,
  shardOf,
  decodePostings,
  RESULTS_PER_PAGE,
  type PackedRecord,
  type Hit,
  type IndexMeta,
  type NameTable,
  type QueryData,
  type SearchResult,
} from '../lib/search/query.ts';

type Shard = Record<string, number[]>;
type SearchWindow = Window & {
  __searchShard?: (n: number, shard: Shard) => void;
  __searchMeta?: (meta: IndexMeta) => void;
  __searchChunk?: (start: number, records: PackedRecord[]) => void;
  __searchNames?: (n: number, names: NameTable) => void;
  __searchRun?: (later: boolean) => void;
};

(() => {
  const d = document;
  const w = window as SearchWindow;
  const root = d.querySelector<HTMLElement>('[data-search]');
  const status = d.querySelector<HTMLElement>('[data-search-status]');
  const out = d.querySelector<HTMLElement>('[data-search-results]');
  const form = root && root.querySelector('form');
  const input = form && form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!root || !status || !out || !form || !input) return;
  const base = root.dataset['index'] || 'search/';
  const version = root.dataset['version'] || '';
  const shardCount = Number(root.dataset['shards']);
  const maxShards = Number(root.dataset['maxShards']);
  const namePartCount = Number(root.dataset['nameParts']) || 1;
  const shards: Record<number, Shard> = {};
  let meta: IndexMeta | undefined;
  const loaded: Record<string, boolean> = {};
  let seq = 0;
  /** How many results are shown: a page more with each 「さらに表示」. */
  let limit = RESULTS_PER_PAGE;
  let announceTimer: number | undefined;

  const records: PackedRecord[] = [];
  w.__searchShard = (n, shard) => {
    shards[n] = shard;
  };
  w.__searchMeta = (m) => {
    meta = m;
  };
  const nameParts: Record<number, NameTable> = {};
  w.__searchNames = (n, names) => {
    nameParts[n] = names;
  };
  w.__searchChunk = (start, list) => {
    list.forEach((r, i) => {
      records[start + i] = r;
    });
  };

  /**
   * Loads index files as classic scripts, each once, then calls back (true if all ran). Two quick
   * queries may load a file twice; its callback only stores data, so that is harmless.
   */
  function loadAll(paths: string[], done: (ok: boolean) => void): void {
    let left = 1;
    let allOk = true;
    const settle = (ok: boolean): void => {
      allOk = allOk && ok;
      if (!--left) done(allOk);
    };
    paths.forEach((p) => {
      if (loaded[p]) return;
      left++;
      const el = d.createElement('script');
      el.src = base + p + '?v=' + version;
      el.onload = el.onerror = (e) => {
        el.remove();
        settle((loaded[p] = (e as Event).type === 'load'));
      };
      d.head.appendChild(el);
    });
    settle(true);
  }

  function say(text: string, later: boolean): void {
    clearTimeout(announceTimer);
    if (later)
      announceTimer = window.setTimeout(() => {
        status!.textContent = text;
      }, 300);
    else status!.textContent = text;
  }

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
    const e = d.createElement(tag);
    if (text) e.textContent = text;
    return e;
  }

  /** Fills `parent` with `text` around its first match, the matches in <mark>. */
  function marked<T extends HTMLElement>(parent: T, text: string, terms: string[], radius: number): T {
    excerpt(text, terms, radius).forEach((piece, i) => {
      if (piece) parent.appendChild(i % 2 ? el('mark', piece) : d.createTextNode(piece));
    });
    return parent;
  }

  function keepInAddress(q: string): void {
    try {
      history.replaceState(history.state, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
    } catch {
      // Some browsers refuse replaceState on file://; the search still works.
    }
  }

  /** Shows the hits found so far, grouped by kind; `from` is the first new result, focused after 「さらに表示」. */
  function render(q: string, res: SearchResult, m: IndexMeta, later: boolean, from: number): void {
    out!.textContent = '';
    const hits = res.hits;
    if (!hits.length) {
      say('「' + q + '」は見つかりませんでした', false);
      return;
    }
    const first = hits[0] as Hit;
    if (first.terms.length > 1) {
      out!.appendChild(el('p', first.terms.map((t) => '「' + t + '」').join('') + 'をすべて含む結果です。')).className = 'small';
    }
    const counts: string[] = [];
    m.kinds.forEach((kind, k) => {
      const n = res.counts[k];
      if (n) counts.push(kind[0] + n + '件');
      const group = hits.filter((h) => (records[h.id] as PackedRecord)[0] === k);
      if (!group.length) return;
      const section = el('section');
      section.appendChild(el('h2', kind[0] + '(' + n + '件)'));
      const list = el('ol');
      group.forEach((h) => {
        const r = records[h.id] as PackedRecord;
        const li = el('li');
        const a = el('a');
        a.href = r[2];
        li.appendChild(marked(a, r[1], h.terms, 999));
        if (r[4]) li.appendChild(d.createTextNode(' ' + r[4]));
        li.appendChild(marked(el('p'), r[3], h.terms, 40));
        list.appendChild(li);
      });
      section.appendChild(list);
      out!.appendChild(section);
    });
    // The rest: only their records are still to load.
    const rest = res.total - hits.length;
    if (rest > 0) {
      const more = out!.appendChild(el('button', 'さらに表示(残り' + rest + '件)'));
      more.type = 'button';
      more.className = 'control';
      more.addEventListener('click', () => {
        limit += RESULTS_PER_PAGE;
        run(false, hits.length);
      });
    }
    const next = from ? out!.querySelectorAll('li > a')[from] : undefined;
    if (next) (next as HTMLElement).focus();
    say(res.total + '件見つかりました(' + counts.join('、') + ')', later);
  }

  /**
   * Runs the query in the input; `later` delays the announcement until typing pauses; `from`,
   * after 「さらに表示」, is the first new result.
   */
  function run(later: boolean, from?: number): void {
    const q = input!.value.trim();
    const mine = ++seq;
    if (from === undefined) limit = RESULTS_PER_PAGE;
    keepInAddress(q);
    if (!q) {
      out!.textContent = '';
      say('', false);
      return;
    }
    const shardFiles = (aliases?: string[]): string[] => {
      return neededShards(q, shardCount, maxShards, aliases).map((n) => 's' + n + '.js');
    };
    const failed = (): void => {
      say('検索データを読み込めませんでした', false);
    };
    const data: QueryData = {
      records: records,
      titleSearched: [],
      postings: (g) => {
        const s = shards[shardOf(g, shardCount)];
        const list = s && s[g];
        return list && decodePostings(list);
      },
      shardCount: shardCount,
      kindStarts: [],
    };
    // The meta file, the part of the names table the query would be in, and the query's shards;
    // the shards of the actor's other names if the query names one; then, step by step, the
    // chunks of records that the shown results need.
    const key = normalise(q).trim();
    const namePart = shardOf(key, namePartCount);
    loadAll(['meta.js', 'n' + namePart + '.js'].concat(shardFiles()), (ok) => {
      if (mine !== seq) return;
      if (!ok || !meta) return failed();
      const m = meta;
      data.titleSearched = m.kinds.map((k) => k[1] === 1);
      data.kindStarts = m.kindStarts;
      const named = nameParts[namePart]?.[key];
      const aliases = named ? named[1] : [];
      loadAll(shardFiles(aliases), (ok2) => {
        if (mine !== seq) return;
        if (!ok2) return failed();
        const step = (): void => {
          const res = searchUpTo(q, data, maxShards, aliases, named ? named[0] : [], limit);
          if (!res.need.length) return render(q, res, m, later, from || 0);
          const files = chunksOf(res.need, m.chunks).map((n) => 'r' + n + '.js');
          // A chunk that ran without its records would loop: give up instead.
          if (files.every((f) => loaded[f])) return failed();
          loadAll(files, (ok3) => {
            if (mine !== seq) return;
            if (!ok3) return failed();
            step();
          });
        };
        step();
      });
    });
  }

  // The page's script calls this for every query (see src/scripts/search.ts).
  w.__searchRun = (later) => {
    run(later);
  };
})();
