// The search page's script, bundled by src/integrations/search-index.ts into one classic script
// (search/search.js): no ES module and no fetch() at run time, since file:// allows neither. The
// index files are classic scripts too, loaded on demand with <script src> relative to this page,
// which the page's CSP allows as 'self'. Everything about matching and ranking is in
// src/lib/search/query.ts, shared with the unit tests.
import { neededShards, searchRecords, aliasTerms, excerpt, shardOf, type PackedRecord, type Hit } from '../lib/search/query.ts';

interface IndexMeta {
  kinds: Array<[string, number]>;
  records: PackedRecord[];
}
type Shard = Record<string, number[]>;
type SearchWindow = Window & { __searchShard?: (n: number, shard: Shard) => void; __searchRecords?: (meta: IndexMeta) => void };

(function () {
  const d = document;
  const w = window as SearchWindow;
  const root = d.querySelector<HTMLElement>('[data-search]');
  const status = d.querySelector<HTMLElement>('[data-search-status]');
  const out = d.querySelector<HTMLElement>('[data-search-results]');
  const form = root && root.querySelector('form');
  const input = form && form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!root || !status || !out || !form || !input) return;
  const nojs = d.querySelector<HTMLElement>('[data-search-nojs]');
  if (nojs) nojs.hidden = true;
  const base = root.dataset['index'] || 'search/';
  const version = root.dataset['version'] || '';
  const shardCount = Number(root.dataset['shards']);
  const maxShards = Number(root.dataset['maxShards']);
  const shards: Record<number, Shard> = {};
  let meta: IndexMeta | undefined;
  const pending: Record<string, Array<(ok: boolean) => void>> = {};
  const loaded: Record<string, boolean> = {};
  let seq = 0;
  let announceTimer: number | undefined;

  w.__searchShard = function (n, shard) { shards[n] = shard; };
  w.__searchRecords = function (m) { meta = m; };

  /** Loads one index file once, as a classic script; calls back when it ran (or failed). */
  function load(path: string, done: (ok: boolean) => void): void {
    if (loaded[path]) return done(true);
    const waiting = pending[path];
    if (waiting) { waiting.push(done); return; }
    pending[path] = [done];
    const el = d.createElement('script');
    el.src = base + path + '?v=' + version;
    const settle = function (ok: boolean): void {
      if (ok) loaded[path] = true;
      const callbacks = pending[path] || [];
      delete pending[path];
      el.remove();
      callbacks.forEach(function (cb) { cb(ok); });
    };
    el.onload = function () { settle(true); };
    el.onerror = function () { settle(false); };
    d.head.appendChild(el);
  }

  function loadAll(paths: string[], done: (ok: boolean) => void): void {
    let left = paths.length;
    let allOk = true;
    if (!left) return done(true);
    paths.forEach(function (p) {
      load(p, function (ok) {
        allOk = allOk && ok;
        if (--left === 0) done(allOk);
      });
    });
  }

  function say(text: string, later: boolean): void {
    clearTimeout(announceTimer);
    if (later) announceTimer = window.setTimeout(function () { status!.textContent = text; }, 300);
    else status!.textContent = text;
  }

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
    const e = d.createElement(tag);
    if (text) e.textContent = text;
    return e;
  }

  /** Fills `parent` with `text` around its first match, the matches in <mark>. */
  function marked<T extends HTMLElement>(parent: T, text: string, terms: string[], radius: number): T {
    excerpt(text, terms, radius).forEach(function (piece, i) {
      if (piece) parent.appendChild(i % 2 ? el('mark', piece) : d.createTextNode(piece));
    });
    return parent;
  }

  function keepInAddress(q: string): void {
    try {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(history.state, '', url.href);
    } catch (e) {
      // Some browsers refuse replaceState on file://; the search still works.
    }
  }

  function render(q: string, hits: Hit[], m: IndexMeta, later: boolean): void {
    out!.textContent = '';
    if (!hits.length) {
      say('「' + q + '」は見つかりませんでした', false);
      return;
    }
    const first = hits[0] as Hit;
    if (first.terms.length > 1) {
      out!.appendChild(el('p', first.terms.map(function (t) { return '「' + t + '」'; }).join('') + 'をすべて含む結果です。')).className = 'small';
    }
    const counts: string[] = [];
    m.kinds.forEach(function (kind, k) {
      const group = hits.filter(function (h) { return (m.records[h.id] as PackedRecord)[0] === k; });
      if (!group.length) return;
      counts.push(kind[0] + group.length + '件');
      const section = el('section');
      section.appendChild(el('h2', kind[0] + '(' + group.length + '件)'));
      const list = el('ol');
      group.forEach(function (h) {
        const r = m.records[h.id] as PackedRecord;
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
    say(hits.length + '件見つかりました(' + counts.join('、') + ')', later);
  }

  /** Runs the query in the input; `later` delays the announcement until typing pauses. */
  function run(later: boolean): void {
    const q = input!.value.trim();
    const mine = ++seq;
    keepInAddress(q);
    if (!q) {
      out!.textContent = '';
      say('', false);
      return;
    }
    const paths = function (aliases?: string[]): string[] {
      return neededShards(q, shardCount, maxShards, aliases).map(function (n) { return 's' + (n < 10 ? '0' : '') + n + '.js'; });
    };
    const failed = function (): void { say('検索データを読み込めませんでした。ページを再読み込みしてください', false); };
    loadAll(['records.js'].concat(paths()), function (ok) {
      if (mine !== seq) return;
      if (!ok || !meta) return failed();
      const m = meta;
      // The records tell whether the query names an actor; then the shards of its other names.
      const aliases = aliasTerms(q, m.records);
      loadAll(paths(aliases), function (ok2) {
        if (mine !== seq) return;
        if (!ok2) return failed();
        const hits = searchRecords(q, {
          records: m.records,
          titleSearched: m.kinds.map(function (k) { return k[1] === 1; }),
          postings: function (g) {
            const s = shards[shardOf(g, shardCount)];
            return s ? s[g] : undefined;
          },
          shardCount: shardCount,
        }, maxShards, aliases);
        render(q, hits, m, later);
      });
    });
  }

  // Nothing runs while an IME is composing: the text is not final yet (compositionend runs it).
  input.addEventListener('input', function (e) {
    if ((e as InputEvent).isComposing) return;
    run(true);
  });
  input.addEventListener('compositionend', function () { run(true); });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run(false);
  });

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run(false);
  }
})();
