import { Component, type ReactNode } from 'react';
import { ErrorState } from './states';

/**
 * A render error or a route chunk that fails to load (e.g. a new build replaced it) shows an
 * error with a reload button instead of a blank page. Reset when the route changes.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <ErrorState error={this.state.error} retry={() => window.location.reload()} />;
    return this.props.children;
  }
}
