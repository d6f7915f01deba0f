import { Component, type ReactNode } from 'react';

/**
 * Keeps one broken screen from blanking the app: shows what went wrong and a way out. A
 * chunk that fails to load (the app was updated while open) is fixed by reloading.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null; key: string }> {
  override state: { error: Error | null; key: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    // Going elsewhere clears the error.
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section role="alert" className="empty-state">
        <h1>This screen could not be shown</h1>
        <p>{this.state.error.message}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>Reload</button>
      </section>
    );
  }
}
