// The theme toggle. Without a stored choice the page follows the system (prefers-color-scheme);
// pressing the button pins the opposite of what is showing. Only "light" or "dark" is stored.
const STORAGE_KEY = "tokenmeter:theme";

function effectiveTheme(): "light" | "dark" {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === "light" || pinned === "dark") return pinned;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function render(button: HTMLElement): void {
  const dark = effectiveTheme() === "dark";
  const label = button.querySelector("#theme-label");
  if (label) label.textContent = dark ? "Light theme" : "Dark theme";
  button.setAttribute(
    "aria-label",
    dark ? "Switch to the light theme" : "Switch to the dark theme",
  );
}

/** Wires the header's theme button; safe to call once per page. */
export function initThemeToggle(): void {
  const button = document.getElementById("theme-toggle");
  if (!button) return;
  render(button);
  button.addEventListener("click", () => {
    const next = effectiveTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage can be disabled (private mode); the choice then lasts for this page only.
    }
    render(button);
  });
  window
    .matchMedia("(prefers-color-scheme: dark)")
    .addEventListener("change", () => render(button));
}
