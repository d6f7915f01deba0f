import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { NavItem } from './nav-items.js';

/** Ctrl/Cmd+K or "/" opens the palette; "g" then a letter goes to an area (g o = opportunities). */
export function useShortcuts({ openPalette, items }: { openPalette: () => void; items: readonly NavItem[] }): void {
  const [, navigate] = useLocation();
  useEffect(() => {
    let pendingG = false;
    const typing = (target: EventTarget | null) =>
      target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openPalette();
        return;
      }
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        openPalette();
      } else if (pendingG) {
        pendingG = false;
        const item = items.find((i) => i.key === event.key);
        if (item) navigate(item.href);
      } else if (event.key === 'g') {
        pendingG = true;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openPalette, items, navigate]);
}
