import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../session/SessionProvider.js';
import { CommandPalette } from './CommandPalette.js';
import { navItemsFor } from './nav-items.js';
import { applyTheme, initialTheme, type Theme } from './theme.js';
import { useShortcuts } from './use-shortcuts.js';

/** The frame of every screen: navigation for what the user may use, search, theme, sign out. */
export function Layout({ children }: { children: ReactNode }) {
  const { me, can, signOut } = useSession();
  const [location] = useLocation();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const items = navItemsFor(can);
  const toggleTheme = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next, true);
    setTheme(next);
  };
  useShortcuts({ openPalette: () => setPaletteOpen(true), items });
  const active = (href: string) => {
    const path = href.split('?')[0] as string;
    return path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);
  };

  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <Link href="/" className="brand"><span className="logo" aria-hidden="true">▲</span> Attain</Link>
        <button type="button" className="search-trigger" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K">
          <span>Search or jump to…</span> <kbd>Ctrl K</kbd>
        </button>
        <div className="topbar-end">
          <span className="who" data-testid="who">{me.user.name} · {me.user.role.replace('_', ' ')}</span>
          <button type="button" className="ghost" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
            {theme === 'dark' ? '☀' : '☾'}
          </button>
          <button type="button" className="ghost" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={active(item.href) ? 'page' : undefined}>{item.label}</Link>
            </li>
          ))}
        </ul>
        <p className="org muted">{me.org.name}</p>
      </nav>
      <main id="main" className="content" tabIndex={-1}>{children}</main>
      {paletteOpen && <CommandPalette items={items} onClose={() => setPaletteOpen(false)} toggleTheme={toggleTheme} signOut={signOut} />}
    </div>
  );
}
