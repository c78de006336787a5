// Remembers the furigana setting (radios named "furigana", see src/lib/furigana/furigana.css).
(function () {
  var k = 'furigana', s;
  try { s = localStorage.getItem(k); } catch (e) {}
  var r = s && document.querySelector('input[name=furigana][value="' + s + '"]');
  if (r) r.checked = true;
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.name === k) try { localStorage.setItem(k, t.value); } catch (e) {}
  });
})();
