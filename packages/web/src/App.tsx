import { useEffect, useState } from 'react';
import { api, type MeBody } from './api.js';
import { LoginForm } from './LoginForm.js';

/** The placeholder shell: sign in, see who you are and what you may do. The full screens come next. */
export function App() {
  const [me, setMe] = useState<MeBody | null | undefined>(undefined);

  useEffect(() => {
    api<MeBody>('/auth/me').then(setMe, () => setMe(null));
  }, []);

  if (me === undefined) return <main className="page" aria-busy="true" />;
  if (me === null) return <LoginForm onSignedIn={setMe} />;

  const allowed = Object.entries(me.abilities).filter(([, ok]) => ok).map(([ability]) => ability);
  return (
    <main className="page">
      <header className="bar">
        <strong>Attain</strong>
        <span>{me.org.name}</span>
        <button type="button" onClick={() => api('/auth/logout', { method: 'POST', csrf: me.csrfToken }).finally(() => setMe(null))}>
          Sign out
        </button>
      </header>
      <h1>Signed in as {me.user.name}</h1>
      <p data-testid="role">Role: {me.user.role}</p>
      <h2>What you can use</h2>
      <ul data-testid="abilities">{allowed.map((a) => <li key={a}>{a}</li>)}</ul>
      <p>
        The API is documented at <a href="/api/docs">/api/docs</a>.
      </p>
    </main>
  );
}
