// Remembers the furigana setting (the <select name="furigana"> of src/lib/furigana/furigana.css):
// the choice applies through CSS alone; this only restores it on the next page and after a reload.
(function () {
  var k = 'furigana',
    s,
    el = document.querySelector('select[name=furigana]');
  if (!el) return;
  try {
    s = localStorage.getItem(k);
  } catch {}
  if (s && el.querySelector('option[value="' + s + '"]')) el.value = s;
  el.addEventListener('change', function () {
    try {
      localStorage.setItem(k, el.value);
    } catch {}
  });
})();
