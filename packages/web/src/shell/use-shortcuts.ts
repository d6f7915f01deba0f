import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import type { NavItem } from './nav-items.js';

/** How long "g" waits for its second key. */
const CHORD_MS = 1500;

/** Ctrl/Cmd+K or "/" opens the palette; "g" then a letter goes to an area (g o = opportunities). */
export function useShortcuts({ openPalette, items }: { openPalette: () => void; items: readonly NavItem[] }): void {
  const [, navigate] = useLocation();
  // The listener is attached once; it reads the latest callbacks through this ref.
  const latest = useRef({ openPalette, items, navigate });
  useEffect(() => {
    latest.current = { openPalette, items, navigate };
  });
  useEffect(() => {
    let gAt = -Infinity;
    const typing = (target: EventTarget | null) =>
      target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        latest.current.openPalette();
        return;
      }
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        latest.current.openPalette();
      } else if (event.timeStamp - gAt < CHORD_MS) {
        gAt = -Infinity;
        const item = latest.current.items.find((i) => i.key === event.key);
        if (item) latest.current.navigate(item.href);
      } else if (event.key === 'g') {
        gAt = event.timeStamp;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
