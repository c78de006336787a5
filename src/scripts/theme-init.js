// Runs in <head> before the first paint: applies the theme the reader chose earlier, so the page
// never flashes in the other one. Without a choice, CSS follows the system setting.
// It also marks the page as scripted, so the theme toggle (which needs the script) takes its place
// from the first paint instead of appearing later and shifting the header.
document.documentElement.setAttribute('data-js', '');
try {
  var theme = localStorage.getItem('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
} catch {}
