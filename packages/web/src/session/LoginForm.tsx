import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import type { MeBody } from '../api/types.js';

/** The sign-in page, or, with `expiredFor`, a dialog over the current screen after the session ended. */
export function LoginForm({ onSignedIn, expiredFor }: { onSignedIn: (me: MeBody) => void; expiredFor?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api<MeBody>('/auth/login', { method: 'POST', body: { email: form.get('email'), password: form.get('password') }, expectUnauthorized: true }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The server cannot be reached.');
    } finally {
      setBusy(false);
    }
  }

  const form = (
    <form onSubmit={submit} className="login-form">
      <label htmlFor="email">E-mail</label>
      <input id="email" name="email" type="email" autoComplete="username" required defaultValue={expiredFor ?? ''} autoFocus={!expiredFor} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(expiredFor)} />
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>Sign in</button>
    </form>
  );

  if (expiredFor !== undefined) {
    return (
      <div className="overlay">
        <section role="dialog" aria-modal="true" aria-labelledby="expired-title" className="dialog">
          <h2 id="expired-title">Your session has ended</h2>
          <p>Sign in again to carry on where you were; nothing on this screen is lost.</p>
          {form}
        </section>
      </div>
    );
  }
  return (
    <main className="login">
      <h1><span className="logo" aria-hidden="true">▲</span> Sign in to Attain</h1>
      <p className="muted">Sales performance, one system.</p>
      {form}
    </main>
  );
}
