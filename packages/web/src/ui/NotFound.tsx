import { Link } from 'wouter';

/** Shown for an unknown address, and for a record that does not exist or is not the user's to see (the two look the same on purpose). */
export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <section className="empty-state" data-testid="not-found">
      <h1>Not found</h1>
      <p>This {what} does not exist, or you do not have access to it.</p>
      <Link href="/">Back to home</Link>
    </section>
  );
}
