/*
 * The choices of the board's pickers, ordered for people: the default pipeline first, teams
 * as an indented tree, the signed-in person first among owners.
 */

export interface PipelineChoice {
  readonly id: string;
  readonly name: string;
  readonly isDefault: boolean;
}

export function orderPipelines<T extends PipelineChoice>(pipelines: readonly T[]): T[] {
  return [...pipelines].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

export interface TeamChoice {
  readonly id: string;
  readonly name: string;
  readonly parentTeamId: string | null;
}

export interface TeamOption {
  readonly id: string;
  readonly name: string;
  /** 0 for a top-level team. */
  readonly depth: number;
}

/** Teams depth-first, siblings by name. A team whose parent is unknown (or in a cycle) is top-level. */
export function teamTree(teams: readonly TeamChoice[]): TeamOption[] {
  const ids = new Set(teams.map((t) => t.id));
  const children = new Map<string | null, TeamChoice[]>();
  for (const team of teams) {
    const parent = team.parentTeamId !== null && ids.has(team.parentTeamId) && team.parentTeamId !== team.id ? team.parentTeamId : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const out: TeamOption[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const team of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(team.id)) continue;
      seen.add(team.id);
      out.push({ id: team.id, name: team.name, depth });
      visit(team.id, depth + 1);
    }
  };
  visit(null, 0);
  // Teams only reachable through a cycle are still offered, at the top level.
  for (const team of teams) if (!seen.has(team.id)) {
    seen.add(team.id);
    out.push({ id: team.id, name: team.name, depth: 0 });
    visit(team.id, 1);
  }
  return out;
}

export interface PersonChoice {
  readonly id: string;
  readonly name: string;
}

/** People by name, the signed-in person first. */
export function orderOwners<T extends PersonChoice>(people: readonly T[], myPersonId: string | null): T[] {
  return [...people].sort((a, b) => Number(b.id === myPersonId) - Number(a.id === myPersonId) || a.name.localeCompare(b.name));
}
