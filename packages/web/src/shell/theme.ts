export type Theme = 'light' | 'dark';

const KEY = 'attain-theme';

/** The theme chosen on this device, else the system's. */
export function initialTheme(): Theme {
  const stored = localStorage.getItem(KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Shows a theme; `remember` only when the user chose it, so the system's keeps being followed otherwise. */
export function applyTheme(theme: Theme, remember = false): void {
  document.documentElement.dataset.theme = theme;
  if (remember) localStorage.setItem(KEY, theme);
}
