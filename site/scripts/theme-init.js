// Runs inline in <head> before first paint so a stored theme choice never flashes the other theme.
// astro.config.mjs allows exactly this file's text in the CSP by its SHA-256 hash.
(() => {
  try {
    const theme = localStorage.getItem("tokenmeter:theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  } catch {
    // Storage disabled: follow the system theme.
  }
})();
