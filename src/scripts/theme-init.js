// Runs in <head> before the first paint: applies the theme the reader chose earlier, so the page
// never flashes in the other one. Without a choice, CSS follows the system setting.
try {
  var theme = localStorage.getItem('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
} catch (e) {}
