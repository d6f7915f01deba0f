import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, onSessionExpired, setCsrfToken } from '../api/client.js';
import type { MeBody } from '../api/types.js';
import { LoginForm } from './LoginForm.js';

/*
 * Who is signed in, and what she may do: the ability map comes from the API (`/auth/me`)
 * and is never re-derived here. When any request answers 401 the session has ended; the
 * screen stays where it is under a sign-in dialog, and carries on once she signs in again.
 */

interface Session {
  readonly me: MeBody;
  can(ability: string): boolean;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [me, setMe] = useState<MeBody | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const signedIn = useCallback((next: MeBody) => {
    // Another user may sign in on the expiry dialog: nothing cached for the last one survives.
    if (me && next.user.id !== me.user.id) queryClient.clear();
    // What failed while signed out is asked for again.
    else if (me) void queryClient.invalidateQueries();
    setCsrfToken(next.csrfToken);
    setMe(next);
    setExpired(false);
  }, [me, queryClient]);

  useEffect(() => {
    api<MeBody>('/auth/me', { expectUnauthorized: true }).then(signedIn, () => setMe(null));
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => onSessionExpired(() => setExpired(true)), []);

  const session = useMemo<Session | null>(() => {
    if (!me) return null;
    return {
      me,
      can: (ability) => me.abilities[ability] === true,
      signOut: async () => {
        await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
        setCsrfToken(null);
        queryClient.clear();
        setMe(null);
      },
    };
  }, [me, queryClient]);

  if (me === undefined) return <div className="boot" aria-busy="true" />;
  if (!session) return <LoginForm onSignedIn={signedIn} />;
  return (
    <SessionContext.Provider value={session}>
      {/* While the dialog asks for the password, the screen behind it can be seen but not used. */}
      <div inert={expired} className="session-screen">{children}</div>
      {expired && <LoginForm onSignedIn={signedIn} expiredFor={me?.user.email ?? ''} />}
    </SessionContext.Provider>
  );
}
