// The search page's script: small, so the page stays light until someone searches. It wires the
// form (nothing runs while an IME is composing; ?q= runs at once) and, with the first query,
// loads the engine (search/engine.js, from src/scripts/search-engine.ts) as a classic script
// next to the index files, which file:// and the page's CSP ('self') allow.
type SearchWindow = Window & { __searchRun?: (later: boolean) => void };

(() => {
  const d = document;
  const w = window as SearchWindow;
  const root = d.querySelector<HTMLElement>('[data-search]');
  const status = d.querySelector<HTMLElement>('[data-search-status]');
  const form = root && root.querySelector('form');
  const input = form && form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!root || !status || !form || !input) return;
  const nojs = d.querySelector<HTMLElement>('[data-search-nojs]');
  if (nojs) nojs.hidden = true;
  let loading = false;
  let later = false;

  /** Runs the query in the input; `delay` holds the announcement until typing pauses. */
  function run(delay: boolean): void {
    later = delay;
    if (w.__searchRun) return w.__searchRun(delay);
    if (loading) return;
    loading = true;
    const el = d.createElement('script');
    el.src = (root!.dataset['index'] || 'search/') + 'engine.js?v=' + root!.dataset['version'];
    el.onload = () => {
      w.__searchRun!(later);
    };
    el.onerror = () => {
      loading = false;
      status!.textContent = '検索データを読み込めませんでした';
    };
    d.head.appendChild(el);
  }

  // Nothing runs while an IME is composing: the text is not final yet (compositionend runs it).
  input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) run(true);
  });
  input.addEventListener('compositionend', () => {
    run(true);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(false);
  });

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run(false);
  }
})();
