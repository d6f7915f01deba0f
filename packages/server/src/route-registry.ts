import type { Ability } from '@attain/core';

/**
 * Every route with the ability it requires ('public' for the few that need no sign-in).
 * Filled as routes are declared; the permission snapshot test prints it, so a change of
 * who may call what shows up as a diff to review.
 */
export interface RouteRule {
  readonly method: string;
  readonly path: string;
  readonly ability: Ability | 'public';
}

export class RouteRegistry {
  private readonly rules: RouteRule[] = [];
  add(rule: RouteRule): void {
    this.rules.push(rule);
  }
  list(): RouteRule[] {
    return [...this.rules].sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path)));
  }
}
