import { useEffect, useState } from 'react';
import { builtUsMap, loadUsMap, type UsMap } from './us-map.js';

/**
 * The county shapes: at once when already built, else loaded (their own chunk) and built after
 * the first paint, so the screen shows its skeleton meanwhile instead of freezing.
 */
export function useUsMap(): { geo: UsMap | undefined; error: Error | null } {
  const [geo, setGeo] = useState<UsMap | undefined>(builtUsMap);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (geo) return undefined;
    let live = true;
    loadUsMap().then((built) => { if (live) setGeo(built); }, (e: unknown) => { if (live) setError(e instanceof Error ? e : new Error(String(e))); });
    return () => { live = false; };
  }, [geo]);
  return { geo, error };
}
