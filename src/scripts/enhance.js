// Conveniences on top of pages that work without JavaScript: offline reading (service worker),
// copying links, the system share sheet. Inlined into every page (no request, works on file://).
(function () {
  var d = document;
  var http = /^https?:$/.test(location.protocol);
  var canonical = d.querySelector('link[rel="canonical"]');
  var pageUrl = canonical ? canonical.href : http ? location.href.split('#')[0] : '';
  var toast = d.querySelector('[data-toast]');
  var timer;

  function say(text) {
    if (!toast) return;
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(function () {
      toast.hidden = true;
      toast.textContent = '';
    }, 4000);
  }

  function fallbackCopy(text) {
    var area = d.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    d.body.appendChild(area);
    area.select();
    var ok;
    try {
      ok = d.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject();
  }

  function copy(text, done) {
    var attempt =
      navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text).catch(function () {
            return fallbackCopy(text);
          })
        : fallbackCopy(text);
    attempt.then(
      function () {
        say(done);
      },
      function () {
        say('コピーできませんでした。アドレスは ' + text + ' です。');
      },
    );
  }

  if ('serviceWorker' in navigator && http) {
    var sw = d.documentElement.getAttribute('data-sw');
    if (sw) navigator.serviceWorker.register(new URL(sw, location.href)).catch(function () {});
  }

  d.querySelectorAll('.share').forEach(function (bar) {
    var url = bar.getAttribute('data-share-url') || pageUrl;
    if (!url) return;
    bar.querySelectorAll('[data-href-template]').forEach(function (a) {
      a.href = a.getAttribute('data-href-template').replace('SHARE-URL', encodeURIComponent(url));
      a.hidden = false;
    });
    var copyButton = bar.querySelector('[data-copy-link]');
    copyButton.hidden = false;
    copyButton.addEventListener('click', function () {
      copy(url, 'リンクをコピーしました');
    });
    var native = bar.querySelector('[data-native-share]');
    if (navigator.share) {
      native.hidden = false;
      native.addEventListener('click', function () {
        navigator.share({ title: bar.getAttribute('data-share-title'), url: url }).catch(function () {});
      });
    }
  });

  // Theme toggle: starts from what the page shows (the reader's choice or the system setting).
  var toggle = d.querySelector('[data-theme-toggle]');
  if (toggle) {
    var root = d.documentElement;
    var isDark = function () {
      var chosen = root.getAttribute('data-theme');
      return chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    };
    var show = function () {
      toggle.setAttribute('aria-pressed', String(isDark()));
    };
    show();
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try {
        localStorage.setItem('theme', next);
      } catch {}
      show();
    });
  }

  // A permalink (paragraph, timeline event) also copies its address (the link still goes there).
  if (pageUrl) {
    d.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a.permalink');
      if (link) copy(pageUrl + link.getAttribute('href'), 'この箇所へのリンクをコピーしました');
    });
  }
})();
