import type { PersonKind } from '@attain/core';
import { DemoIds } from './demo-context.js';
import { emailLocalPart, fullName, UniqueNames, type PersonName } from './names.js';
import type { Rng } from './prng.js';
import type { SizeConfig } from './sizes.js';
import { instantAt } from './timeline.js';

/*
 * The sales org as positions (a seat in the hierarchy) held by people over time. A position
 * may change hands once in the two years (someone leaves, a successor starts; in between the
 * position's manager covers it). From positions come the people, the teams, and the dated
 * events that build the hierarchy: hires, manager changes, team leader changes, departures.
 */

export type PositionKind = 'vp' | 'director' | 'manager' | 'ae' | 'sdr' | 'am' | 'se';

/** Someone in a position from `from` to `to` (epoch days, inclusive; null = still there). */
export interface Holder {
  readonly person: number;
  readonly from: number;
  readonly to: number | null;
}

export interface Position {
  readonly index: number;
  readonly kind: PositionKind;
  readonly parent: number | null;
  /** The team the holder belongs to, and the one she leads. */
  readonly team: number | null;
  readonly leads: number | null;
  /** AE and AM positions own a territory: its index. */
  readonly slot: number | null;
  readonly holders: Holder[];
}

export interface PlannedPerson {
  readonly index: number;
  id: string;
  readonly name: PersonName;
  readonly email: string;
  readonly title: string;
  readonly kind: PersonKind;
  readonly hireDay: number;
  endDay: number | null;
  readonly position: number;
}

export interface PlannedTeam {
  readonly index: number;
  id: string;
  readonly name: string;
  readonly leaderPosition: number;
  readonly parentTeam: number | null;
}

interface EventBase {
  readonly day: number;
  /** Order among the events of one day. */
  readonly rank: number;
  at: string;
}
export type OrgEvent = EventBase &
  (
    | { readonly type: 'person'; readonly person: number; readonly manager: number | null }
    | { readonly type: 'team'; readonly team: number }
    | { readonly type: 'users' }
    | { readonly type: 'manager'; readonly person: number; readonly manager: number }
    | { readonly type: 'leader'; readonly team: number; readonly leader: number }
    | { readonly type: 'leave'; readonly person: number }
  );

export interface OrgPlanInput {
  readonly config: SizeConfig;
  readonly rng: Rng;
  readonly seed: number;
  readonly windowStartDay: number;
  readonly asOfDay: number;
  readonly setupDay: number;
  readonly emailDomain: string;
  /** The people the director, manager and rep logins are linked to. */
  readonly demoDirector: { readonly name: PersonName; readonly email: string };
  readonly demoManager: { readonly name: PersonName; readonly email: string };
  readonly demoRep: { readonly name: PersonName; readonly email: string };
  /** Names of the areas covered by groups of territories (slots). */
  readonly nameAreas: (groups: readonly (readonly number[])[]) => string[];
}

const TITLES: Readonly<Record<PositionKind, string>> = {
  vp: 'VP of Sales', director: 'Regional Sales Director', manager: 'Sales Manager', ae: 'Account Executive',
  sdr: 'Sales Development Representative', am: 'Account Manager', se: 'Solutions Engineer',
};
const TURNOVER: Readonly<Record<PositionKind, number>> = { vp: 0, director: 0, manager: 0.12, ae: 0.22, sdr: 0.35, am: 0.15, se: 0.15 };
const DEPTH: Readonly<Record<PositionKind, number>> = { vp: 0, director: 1, manager: 2, ae: 3, sdr: 3, am: 2, se: 2 };

export class OrgPlan {
  readonly positions: Position[] = [];
  readonly persons: PlannedPerson[] = [];
  readonly teams: PlannedTeam[] = [];
  readonly events: OrgEvent[] = [];
  /** Position index of each territory. */
  readonly slots: number[] = [];
  demoDirector = -1;
  demoManager = -1;
  demoRep = -1;

  /** The person in a position on a day; a vacant position is covered by its manager's. */
  holderAt(position: number, day: number): number {
    const pos = this.positions[position] as Position;
    for (const h of pos.holders) if (h.from <= day && (h.to === null || day <= h.to)) return h.person;
    if (pos.parent !== null) return this.holderAt(pos.parent, day);
    return (pos.holders[0] as Holder).person;
  }

  personId(index: number): string {
    return (this.persons[index] as PlannedPerson).id;
  }

  /** The SDR positions beside a territory's position (same manager), for its leads. */
  sdrPositionsOf(slot: number): number[] {
    const parent = this.positions[this.slots[slot] as number]?.parent;
    return this.positions.filter((p) => p.kind === 'sdr' && p.parent === parent).map((p) => p.index);
  }
}

/** Plans the org chart, its people and its dated events (ids assigned in creation order). */
export function planOrg(input: OrgPlanInput): OrgPlan {
  const { config, rng, windowStartDay: w0, asOfDay } = input;
  const plan = new OrgPlan();
  const names = new UniqueNames();
  names.reserve(input.demoDirector.name);
  names.reserve(input.demoManager.name);
  names.reserve(input.demoRep.name);

  const addPosition = (kind: PositionKind, parent: number | null, team: number | null, leads: number | null): Position => {
    const slot = kind === 'ae' || kind === 'am' ? plan.slots.length : null;
    const position: Position = { index: plan.positions.length, kind, parent, team, leads, slot, holders: [] };
    plan.positions.push(position);
    if (slot !== null) plan.slots.push(position.index);
    return position;
  };
  const teamLeaders: number[] = [];
  const teamParents: (number | null)[] = [];
  const addTeam = (leaderPosition: number, parentTeam: number | null): number => {
    teamLeaders.push(leaderPosition);
    teamParents.push(parentTeam);
    return teamLeaders.length - 1;
  };

  const vpTeam = addTeam(0, null);
  addPosition('vp', null, null, vpTeam);
  const regionSlots: number[][] = [];
  const managerSlots: number[][] = [];
  const regionTeams: number[] = [];
  const managerTeams: number[] = [];
  for (let d = 0; d < config.directors; d++) {
    const regionTeam = addTeam(plan.positions.length, vpTeam);
    const director = addPosition('director', 0, vpTeam, regionTeam);
    regionTeams.push(regionTeam);
    const slotsHere: number[] = [];
    for (let m = 0; m < config.managersPerDirector; m++) {
      const team = addTeam(plan.positions.length, regionTeam);
      const manager = addPosition('manager', director.index, regionTeam, team);
      managerTeams.push(team);
      const mine: number[] = [];
      for (let a = 0; a < config.aesPerManager; a++) mine.push(addPosition('ae', manager.index, team, null).slot as number);
      for (let s = 0; s < config.sdrsPerManager; s++) addPosition('sdr', manager.index, team, null);
      managerSlots.push(mine);
      slotsHere.push(...mine);
    }
    for (let a = 0; a < config.amsPerDirector; a++) slotsHere.push(addPosition('am', director.index, regionTeam, null).slot as number);
    for (let s = 0; s < config.sesPerDirector; s++) addPosition('se', director.index, regionTeam, null);
    regionSlots.push(slotsHere);
  }
  const regionNames = input.nameAreas(regionSlots);
  const managerNames = input.nameAreas(managerSlots);
  const teamName = (team: number): string => {
    if (team === vpTeam) return 'North America Sales';
    const r = regionTeams.indexOf(team);
    if (r >= 0) return `${regionNames[r]} Region`;
    return managerNames[managerTeams.indexOf(team)] ?? `Team ${team}`;
  };
  teamLeaders.forEach((leaderPosition, index) =>
    plan.teams.push({ index, id: '', name: teamName(index), leaderPosition, parentTeam: teamParents[index] ?? null }));

  const demoManagerPosition = plan.positions.find((p) => p.kind === 'manager') as Position;
  const demoRepPosition = plan.positions.find((p) => p.kind === 'ae' && p.parent === demoManagerPosition.index) as Position;
  const demoDirectorPosition = plan.positions[demoManagerPosition.parent as number] as Position;
  const forcedLeaver = plan.positions.filter((p) => p.kind === 'ae' && p.parent === demoManagerPosition.index)[1];
  const forcedManagerLeaver = plan.positions.filter((p) => p.kind === 'manager')[1];

  const addPerson = (position: Position, hireDay: number, fixed?: { name: PersonName; email: string }): number => {
    const name = fixed?.name ?? names.next(rng);
    const senior = position.kind === 'ae' && asOfDay - hireDay > 3 * 365;
    const title = position.kind === 'director' ? `${TITLES.director}, ${regionNames[regionTeams.indexOf(position.leads ?? -1)]}` : senior ? 'Senior Account Executive' : TITLES[position.kind];
    const person: PlannedPerson = {
      index: plan.persons.length, id: '', name, email: fixed?.email ?? `${emailLocalPart(name)}@${input.emailDomain}`, title,
      kind: position.kind, hireDay, endDay: null, position: position.index,
    };
    plan.persons.push(person);
    return person.index;
  };

  // First holders, all hired before the two years begin; managers before their reports.
  const hireOf = new Map<number, number>();
  for (const position of plan.positions) {
    const parentHire = position.parent === null ? w0 - rng.int(1500, 2200) : (hireOf.get(position.parent) as number);
    const earliest = parentHire + rng.int(14, 60);
    const latest: Record<PositionKind, number> = { vp: w0 - 1500, director: w0 - 900, manager: w0 - 400, ae: w0 - 30, sdr: w0 - 14, am: w0 - 30, se: w0 - 30 };
    const floor = position.kind === 'sdr' ? Math.max(earliest, w0 - 500) : earliest;
    const hire = position.parent === null ? parentHire : rng.int(Math.min(floor, latest[position.kind]), latest[position.kind]);
    hireOf.set(position.index, hire);
    // The director's generated name is drawn and set aside, so every later name is as it was before she had a login.
    if (position === demoDirectorPosition) names.next(rng);
    const fixed = position === demoDirectorPosition ? input.demoDirector : position === demoManagerPosition ? input.demoManager : position === demoRepPosition ? input.demoRep : undefined;
    const person = addPerson(position, hire, fixed);
    if (position === demoDirectorPosition) plan.demoDirector = person;
    if (position === demoManagerPosition) plan.demoManager = person;
    if (position === demoRepPosition) plan.demoRep = person;
    position.holders.push({ person, from: hire, to: null });
  }

  // Turnover: someone leaves; a successor starts after a gap (managers: the next day).
  for (const position of plan.positions) {
    if (position === demoManagerPosition || position === demoRepPosition) continue;
    const forced = position === forcedLeaver || position === forcedManagerLeaver;
    if (!forced && !rng.chance(TURNOVER[position.kind])) continue;
    const leaveDay = forced ? rng.int(w0 + 120, asOfDay - 240) : rng.int(w0 + 60, asOfDay - 60);
    const gap = position.kind === 'manager' ? 1 : rng.int(1, 45);
    const first = position.holders[0] as Holder;
    position.holders[0] = { ...first, to: leaveDay };
    (plan.persons[first.person] as PlannedPerson).endDay = leaveDay;
    const start = leaveDay + gap;
    if (start < asOfDay - 7) position.holders.push({ person: addPerson(position, start), from: start, to: null });
  }

  buildEvents(plan, input);
  return plan;
}

/** An event before it has its instant (Omit that keeps the union apart). */
type Unstamped = OrgEvent extends infer E ? (E extends OrgEvent ? Omit<E, 'at'> : never) : never;

function buildEvents(plan: OrgPlan, input: OrgPlanInput): void {
  const managerOf = (position: Position, day: number): number | null => (position.parent === null ? null : plan.holderAt(position.parent, day));
  const setup: Unstamped[] = [];
  const later: Unstamped[] = [];
  for (const position of plan.positions) {
    const first = position.holders[0] as Holder;
    setup.push({ type: 'person', day: input.setupDay, rank: 0, person: first.person, manager: managerOf(position, input.setupDay) });
    if (position.leads !== null) setup.push({ type: 'team', day: input.setupDay, rank: 0, team: position.leads });
    if (first.to !== null) later.push({ type: 'leave', day: first.to + 1, rank: 30, person: first.person });
    const next = position.holders[1];
    if (!next) continue;
    later.push({ type: 'person', day: next.from, rank: DEPTH[position.kind], person: next.person, manager: managerOf(position, next.from) });
    if (position.leads !== null) later.push({ type: 'leader', day: next.from, rank: 10, team: position.leads, leader: next.person });
    for (const child of plan.positions) {
      if (child.parent !== position.index) continue;
      for (const h of child.holders) {
        if (h.from < next.from && (h.to === null || h.to >= next.from)) later.push({ type: 'manager', day: next.from, rank: 20, person: h.person, manager: next.person });
      }
    }
  }
  setup.push({ type: 'users', day: input.setupDay, rank: 0 });
  later.sort((a, b) => a.day - b.day || a.rank - b.rank || (a.type === 'person' && b.type === 'person' ? a.person - b.person : 0));
  const ids = new DemoIds(input.seed);
  let day = Number.NaN;
  let k = 0;
  for (const event of [...setup, ...later]) {
    k = event.day === day ? k + 1 : 0;
    day = event.day;
    // Setup is written from 14:00 UTC, one second apart; later events from 15:00 UTC.
    const at = instantAt(event.day, event.day === input.setupDay ? 14 * 60 : 15 * 60, k + 1);
    plan.events.push({ ...event, at } as OrgEvent);
    if (event.type === 'person') (plan.persons[event.person] as PlannedPerson).id = ids.next('per');
    if (event.type === 'team') (plan.teams[event.team] as PlannedTeam).id = ids.next('tea');
  }
}

export const personDisplayName = (p: PlannedPerson): string => fullName(p.name);
